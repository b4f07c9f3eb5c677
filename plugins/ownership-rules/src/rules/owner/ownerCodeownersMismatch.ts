import type {
  CodeownersOwner,
  ResolvedService,
} from '@ownership-portal/plugin-ownership-common';
import type { OwnershipRule } from '../types';

/** The default CODEOWNERS owners that name a catalog Group. */
function mappedGroups(service: ResolvedService): CodeownersOwner[] {
  return (service.codeowners?.mapped ?? []).filter(owner =>
    owner.entityRef.startsWith('group:'),
  );
}

/** The catalog owner and the Groups above and below it. */
function relatedGroups(service: ResolvedService): Set<string> {
  const { entityRef, parents } = service.ownerResolution;
  return new Set([
    ...(entityRef ? [entityRef] : []),
    ...parents,
    ...(service.ownerSubGroups ?? []),
  ]);
}

/**
 * `owner.codeowners-mismatch`: the repository's CODEOWNERS default owners
 * name no Group that is the catalog owner, one of its parents or one of its
 * sub-groups.
 */
export const ownerCodeownersMismatchRule: OwnershipRule = {
  id: 'owner.codeowners-mismatch',
  defaultSeverity: 'warning',
  description:
    "The default (*) owners in the repository's CODEOWNERS name the catalog owner, one of its parent Groups or one of its sub-groups. A missing or unreadable CODEOWNERS file, or default owners that name no Group of the catalog (unknown teams, users, emails), raise nothing.",
  remediation:
    'Make the catalog and the code agree: change spec.owner in catalog-info.yaml, or the "*" line of CODEOWNERS, to the team that really owns the code.',
  appliesTo(service) {
    return (
      service.ownerResolution.kind === 'Group' &&
      !!service.ownerResolution.entityRef &&
      mappedGroups(service).length > 0
    );
  },
  evaluate(service) {
    const groups = mappedGroups(service);
    const owner = service.ownerResolution.entityRef;
    const file = service.codeowners;
    if (
      !file ||
      !owner ||
      service.ownerResolution.kind !== 'Group' ||
      groups.length === 0
    ) {
      return [];
    }
    const related = relatedGroups(service);
    if (groups.some(group => related.has(group.entityRef))) {
      return [];
    }
    const named = groups
      .map(group => `${group.owner} (${group.entityRef})`)
      .join(', ');
    const written = service.ownerResolution.raw ?? owner;
    return [
      {
        message: `${service.entityRef}: CODEOWNERS (${file.path}) names ${named}, but the catalog owner is ${owner}`,
        remediation: `If ${groups[0].entityRef} owns ${service.entityRef}, change "owner: ${written}" in its catalog-info.yaml to "owner: ${groups[0].entityRef}"; if ${owner} owns it, change the "*" line of ${file.path} (${file.url}) to name the GitHub team of ${owner}, or one of its parent or sub-teams.`,
      },
    ];
  },
};
