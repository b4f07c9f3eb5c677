import type { Entity } from '@backstage/catalog-model';
import type {
  EntityLinkRecord,
  ResolvedService,
} from '@ownership-portal/plugin-ownership-common';
import type { AuditScope } from '../../config/scope';
import type { OwnerResolver } from './OwnerResolver';
import { refOf, stringList, toFullRef } from '../../org/refs';

function linksOf(links: Entity['metadata']['links'] = []): EntityLinkRecord[] {
  return links
    .filter(link => typeof link?.url === 'string')
    .map(({ url, title, type }) => ({
      url,
      ...(title && { title }),
      ...(type && { type }),
    }));
}

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value : undefined;
}

/** Normalises a catalog entity and resolves its owner: what rules evaluate. */
export function resolveService(
  entity: Entity,
  deps: { resolver: OwnerResolver; scope: AuditScope },
): ResolvedService {
  const namespace = entity.metadata.namespace ?? 'default';
  const type = optionalString(entity.spec?.type);
  const lifecycle = optionalString(entity.spec?.lifecycle);
  const owner = optionalString(entity.spec?.owner);
  const system = toFullRef(entity.spec?.system, {
    defaultKind: 'system',
    defaultNamespace: namespace,
  });
  const ownerResolution = deps.resolver.resolve(entity.spec?.owner, namespace);
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
    entityRef: refOf(entity),
    kind: entity.kind,
    name: entity.metadata.name,
    namespace,
    ...(type && { type }),
    ...(lifecycle && { lifecycle }),
    ...(owner && { owner }),
    ...(system && { system }),
    ...(entity.metadata.title && { title: entity.metadata.title }),
    ...(entity.metadata.description && {
      description: entity.metadata.description,
    }),
    tags: stringList(entity.metadata.tags),
    links: linksOf(entity.metadata.links),
    annotations: { ...(entity.metadata.annotations ?? {}) },
    operational:
      entity.kind.toLocaleLowerCase('en-US') === 'component' &&
      !!type &&
      deps.scope.operationalTypes.includes(type.toLocaleLowerCase('en-US')),
    ownerResolution,
    ...(ownerSubGroups && { ownerSubGroups }),
    ...(suggestedOwner && { suggestedOwner }),
    ...(systemTier && { systemTier }),
    ...(teamLinks.length && { teamLinks }),
  };
}
