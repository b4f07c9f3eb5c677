import { OWNERSHIP_ANNOTATIONS } from '@ownership-portal/plugin-ownership-common';
import type { OwnershipRule, RuleOutcome } from '../types';

/** PagerDuty object ids are upper-case letters and digits, e.g. `PABC123`. */
const PAGERDUTY_ID = /^[A-Z0-9]+$/;
/** Events API integration (routing) keys are 32 letters and digits. */
const INTEGRATION_KEY = /^[A-Za-z0-9]{32}$/;
const FEED_PROTOCOLS = ['http:', 'https:', 'webcal:', 'webcals:'];

function checkFeed(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'is not an absolute URL';
  }
  return FEED_PROTOCOLS.includes(url.protocol)
    ? undefined
    : `uses ${url.protocol}, not https: or webcal:`;
}

const CHECKS: Array<{
  key: string;
  check: (value: string) => string | undefined;
  example: string;
}> = [
  {
    key: OWNERSHIP_ANNOTATIONS.pagerDutyServiceId,
    check: v =>
      PAGERDUTY_ID.test(v)
        ? undefined
        : 'is not a PagerDuty service id (upper-case letters and digits)',
    example: 'PABC123, the id at the end of the service page URL',
  },
  {
    key: OWNERSHIP_ANNOTATIONS.pagerDutyIntegrationKey,
    check: v =>
      INTEGRATION_KEY.test(v)
        ? undefined
        : 'is not a PagerDuty integration key (32 letters and digits)',
    example: "the 32-character key of the service's Events API v2 integration",
  },
  {
    key: OWNERSHIP_ANNOTATIONS.oncallIcal,
    check: checkFeed,
    example: 'https://calendar.example.com/oncall/payments.ics',
  },
];

/**
 * `oncall.annotation-invalid`: an on-call annotation holds a value no
 * provider can use (a PagerDuty id or key of the wrong shape, a feed that is
 * not a URL, an empty rotation name), so nobody would be found on call
 * through it. It checks only the value's shape, never whether the rotation
 * exists.
 */
export const oncallAnnotationInvalidRule: OwnershipRule = {
  id: 'oncall.annotation-invalid',
  defaultSeverity: 'error',
  description:
    'On-call annotations (pagerduty.com/service-id, pagerduty.com/integration-key, ownership-portal/oncall-ical, ownership-portal/oncall-rotation) hold values of the right shape.',
  remediation:
    'Correct the annotation in catalog-info.yaml: a PagerDuty service id such as PABC123, a 32-character integration key, an https: or webcal: feed URL, or the name of a rotation.',
  appliesTo: service =>
    [...CHECKS.map(c => c.key), OWNERSHIP_ANNOTATIONS.oncallRotation].some(
      key => key in service.annotations,
    ),
  evaluate(service) {
    const outcomes: RuleOutcome[] = [];
    for (const { key, check, example } of CHECKS) {
      const raw = service.annotations[key];
      if (raw === undefined) {
        continue;
      }
      const problem = raw.trim() ? check(raw.trim()) : 'is empty';
      if (problem) {
        outcomes.push({
          message: `${service.entityRef}: the ${key} annotation "${raw}" ${problem}`,
          remediation: `In the catalog-info.yaml of ${service.entityRef}, set "${key}" to ${example}, or remove it.`,
        });
      }
    }
    const rotation = service.annotations[OWNERSHIP_ANNOTATIONS.oncallRotation];
    if (rotation !== undefined && !rotation.trim()) {
      outcomes.push({
        message: `${service.entityRef}: the ${OWNERSHIP_ANNOTATIONS.oncallRotation} annotation is empty`,
        remediation: `In the catalog-info.yaml of ${service.entityRef}, set "${OWNERSHIP_ANNOTATIONS.oncallRotation}" to the name of a rotation in ownership.oncall.rotations, or remove it.`,
      });
    }
    return outcomes;
  },
};
