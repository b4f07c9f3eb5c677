import type { OwnershipRule } from '../types';

/** `owner.individual`: the owner is a person rather than a team. */
export const ownerIndividualRule: OwnershipRule = {
  id: 'owner.individual',
  defaultSeverity: 'warning',
  description:
    'Entities are owned by a team (Group), not by one person whose absence leaves the entity without an owner.',
  remediation:
    'Set spec.owner in catalog-info.yaml to the Group the person belongs to.',
  evaluate(service) {
    const { status, raw, entityRef } = service.ownerResolution;
    if (status !== 'individual') {
      return [];
    }
    return [
      {
        message: `${service.entityRef} is owned by the individual ${entityRef} ("owner: ${raw}"), not by a team`,
        remediation: `In the catalog-info.yaml of ${service.entityRef}, replace "owner: ${raw}" with the team responsible for it, e.g. a Group that ${entityRef} is a member of.`,
      },
    ];
  },
};
