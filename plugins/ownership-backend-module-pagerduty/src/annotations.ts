import { OWNERSHIP_ANNOTATIONS } from '@ownership-portal/plugin-ownership-common';

/**
 * Annotations the PagerDuty on-call provider reads. The service id and
 * integration key are the PagerDuty plugin's own.
 *
 * @public
 */
export const PAGERDUTY_ANNOTATIONS = {
  /** On a service: its PagerDuty service id, e.g. `PABC123`. */
  serviceId: OWNERSHIP_ANNOTATIONS.pagerDutyServiceId,
  /** On a service: the integration key of one of its PagerDuty integrations. */
  integrationKey: OWNERSHIP_ANNOTATIONS.pagerDutyIntegrationKey,
  /** On a team (Group) or a service: a PagerDuty escalation policy id. */
  escalationPolicyId: 'pagerduty.com/escalation-policy-id',
  /** On a team (Group) or a service: a PagerDuty schedule id. */
  scheduleId: 'pagerduty.com/schedule-id',
} as const;
