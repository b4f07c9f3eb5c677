import type { OwnershipRule } from '../types';

/** `oncall.missing`: no rotation for the service or its owning team. */
export const oncallMissingRule: OwnershipRule = {
  id: 'oncall.missing',
  defaultSeverity: 'error',
  description:
    "Operational services have an on-call rotation, their own or their owning team's.",
  remediation:
    'Add a rotation for the owning team under ownership.oncall.rotations, or annotate the service or its team with ownership-portal/oncall-rotation, pagerduty.com/service-id or ownership-portal/oncall-ical.',
  appliesTo: service => service.operational,
  evaluate(service) {
    if (service.oncall) {
      return [];
    }
    const team = service.ownerResolution.entityRef;
    return [
      {
        message: `${
          service.entityRef
        } has no on-call rotation: neither it nor ${
          team ?? 'its owner'
        } names one, and no configured rotation belongs to ${
          team ?? 'its owner'
        }`,
        remediation: `Give ${
          team ?? 'the owning team'
        } a rotation (ownership.oncall.rotations with "team: ${
          team ?? 'group:default/<team>'
        }"), or add an annotation such as "ownership-portal/oncall-rotation: <rotation id>" or "pagerduty.com/service-id: <id>" to the catalog-info.yaml of ${
          service.entityRef
        }.`,
      },
    ];
  },
};
