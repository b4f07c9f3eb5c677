import type { Entity } from '@backstage/catalog-model';
import type {
  EntityLinkRecord,
  ResolvedService,
} from '@ownership-portal/plugin-ownership-common';
import { refOf, stringList, toFullRef } from './refs';

/**
 * The part of a {@link @ownership-portal/plugin-ownership-common#ResolvedService}
 * that comes from the entity alone, before its owner is looked up.
 *
 * @public
 */
export type ServiceRecord = Omit<
  ResolvedService,
  'ownerResolution' | 'suggestedOwner' | 'systemTier' | 'teamLinks'
>;

/**
 * The links of an entity that have a URL, as rules read them.
 *
 * @public
 */
export function linksOf(
  links: Entity['metadata']['links'] = [],
): EntityLinkRecord[] {
  return (Array.isArray(links) ? links : [])
    .filter(link => typeof link?.url === 'string')
    .map(({ url, title, type }) => ({
      url,
      ...(typeof title === 'string' && title && { title }),
      ...(typeof type === 'string' && type && { type }),
    }));
}

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value : undefined;
}

/**
 * Normalises a catalog entity into what rules read: its ref, type,
 * lifecycle, owner as written, System, links and annotations, and whether it
 * is operational (a Component of one of `operationalTypes`).
 *
 * @public
 */
export function toServiceRecord(
  entity: Entity,
  options: { operationalTypes: string[] },
): ServiceRecord {
  const namespace = entity.metadata.namespace ?? 'default';
  const type = optionalString(entity.spec?.type);
  const lifecycle = optionalString(entity.spec?.lifecycle);
  const owner = optionalString(entity.spec?.owner);
  const system = toFullRef(entity.spec?.system, {
    defaultKind: 'system',
    defaultNamespace: namespace,
  });
  const title = optionalString(entity.metadata.title);
  const description = optionalString(entity.metadata.description);
  return {
    entityRef: refOf(entity),
    kind: entity.kind,
    name: entity.metadata.name,
    namespace,
    ...(type && { type }),
    ...(lifecycle && { lifecycle }),
    ...(owner && { owner }),
    ...(system && { system }),
    ...(title && { title }),
    ...(description && { description }),
    tags: stringList(entity.metadata.tags),
    links: linksOf(entity.metadata.links),
    annotations: Object.fromEntries(
      Object.entries(entity.metadata.annotations ?? {}).filter(
        (e): e is [string, string] => typeof e[1] === 'string',
      ),
    ),
    operational:
      entity.kind.toLocaleLowerCase('en-US') === 'component' &&
      !!type &&
      options.operationalTypes.includes(type.toLocaleLowerCase('en-US')),
  };
}
