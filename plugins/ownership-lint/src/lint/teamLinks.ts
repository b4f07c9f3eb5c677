import type { Entity } from '@backstage/catalog-model';
import type { EntityLinkRecord } from '@ownership-portal/plugin-ownership-common';
import { linksOf, toFullRef } from '@ownership-portal/plugin-ownership-rules';
import type { EntityDocument, LintCatalog, LocatedEntity } from './types';

function groupRef(entity: EntityDocument): string | undefined {
  const namespace =
    typeof entity.metadata?.namespace === 'string'
      ? entity.metadata.namespace
      : 'default';
  return toFullRef(`group:${namespace}/${String(entity.metadata?.name)}`, {
    defaultKind: 'group',
    defaultNamespace: namespace,
  });
}

function links(entity: EntityDocument): EntityLinkRecord[] {
  return linksOf((entity.metadata?.links ?? []) as Entity['metadata']['links']);
}

/**
 * The links of owning teams, which hold team-wide runbooks: from the Groups
 * among the linted files, else from the catalog when one is given. Undefined
 * when neither knows the team, so nothing can be said about its runbooks.
 */
export function teamLinks(
  entities: LocatedEntity[],
  catalog: LintCatalog | undefined,
): (ref: string) => Promise<EntityLinkRecord[] | undefined> {
  const local = new Map<string, EntityLinkRecord[]>();
  for (const { entity } of entities) {
    if (String(entity.kind).toLocaleLowerCase('en-US') === 'group') {
      const ref = groupRef(entity);
      if (ref) {
        local.set(ref, links(entity));
      }
    }
  }
  return async ref => {
    const known = local.get(ref);
    if (known || !catalog) {
      return known;
    }
    const found = await catalog.getEntity(ref);
    return found ? links(found) : undefined;
  };
}
