import type { OwnershipRule } from '../types';

/** `owner.empty-team`: the owning Group has no members, sub-groups included. */
export const ownerEmptyTeamRule: OwnershipRule = {
  id: 'owner.empty-team',
  defaultSeverity: 'error',
  description:
    'The owning Group has at least one member, directly or in one of its sub-groups.',
  remediation:
    'Add the team members to the Group (spec.members, or spec.memberOf on the Users), or move the entity to a team that has people.',
  evaluate(service) {
    const { status, entityRef } = service.ownerResolution;
    if (status !== 'empty-team') {
      return [];
    }
    return [
      {
        message: `${service.entityRef} is owned by ${entityRef}, a Group without members (sub-groups included)`,
        remediation: `Add people to ${entityRef} (spec.members of the Group, or spec.memberOf on each User), or change "owner:" in the catalog-info.yaml of ${service.entityRef} to a team with members.`,
      },
    ];
  },
};
