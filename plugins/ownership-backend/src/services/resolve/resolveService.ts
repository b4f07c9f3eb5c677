import type { Entity } from '@backstage/catalog-model';
import type { ResolvedService } from '@ownership-portal/plugin-ownership-common';
import {
  linksOf,
  toServiceRecord,
} from '@ownership-portal/plugin-ownership-rules';
import type { AuditScope } from '../../config/scope';
import type { OwnerResolver } from './OwnerResolver';

/** Normalises a catalog entity and resolves its owner: what rules evaluate. */
export function resolveService(
  entity: Entity,
  deps: { resolver: OwnerResolver; scope: AuditScope },
): ResolvedService {
  const record = toServiceRecord(entity, {
    operationalTypes: deps.scope.operationalTypes,
  });
  const ownerResolution = deps.resolver.resolve(
    entity.spec?.owner,
    record.namespace,
  );
  const needsSuggestion =
    ownerResolution.status === 'missing' ||
    ownerResolution.status === 'unresolved';
  const suggestedOwner = needsSuggestion
    ? deps.resolver.suggest(entity)
    : undefined;
  const ownerSubGroups =
    ownerResolution.kind === 'Group' && ownerResolution.entityRef
      ? deps.resolver.subGroups(ownerResolution.entityRef)
      : undefined;
  const systemTier = deps.resolver.systemTier(entity);
  const teamLinks = linksOf(
    ownerResolution.kind === 'Group'
      ? deps.resolver.groupLinks(ownerResolution.entityRef)
      : [],
  );
  return {
    ...record,
    ownerResolution,
    ...(ownerSubGroups && { ownerSubGroups }),
    ...(suggestedOwner && { suggestedOwner }),
    ...(systemTier && { systemTier }),
    ...(teamLinks.length && { teamLinks }),
  };
}
