import { OWNERSHIP_ANNOTATIONS } from '@ownership-portal/plugin-ownership-common';
import { toFullRef } from '@ownership-portal/plugin-ownership-rules';
import type { EntityDocument, LintCatalog, LocatedEntity } from './types';

function tierOf(entity: EntityDocument | undefined): string | undefined {
  const tier = entity?.metadata?.annotations?.[OWNERSHIP_ANNOTATIONS.tier];
  return typeof tier === 'string' && tier.trim() ? tier.trim() : undefined;
}

function refOf(entity: EntityDocument): string | undefined {
  const namespace =
    typeof entity.metadata?.namespace === 'string'
      ? entity.metadata.namespace
      : 'default';
  return toFullRef(`system:${namespace}/${String(entity.metadata?.name)}`, {
    defaultKind: 'system',
    defaultNamespace: namespace,
  });
}

/**
 * The tier of each System the entities belong to, by its full ref: read from
 * the Systems among the linted files, else from the catalog when one is
 * given. A System found nowhere has no known tier, so tier rules do not
 * apply to its entities.
 */
export async function systemTiers(
  entities: LocatedEntity[],
  catalog: LintCatalog | undefined,
): Promise<(systemRef: string) => string | undefined> {
  const tiers = new Map<string, string | undefined>();
  for (const { entity } of entities) {
    if (String(entity.kind).toLocaleLowerCase('en-US') === 'system') {
      const ref = refOf(entity);
      if (ref) {
        tiers.set(ref, tierOf(entity));
      }
    }
  }
  if (catalog) {
    const wanted = new Set<string>();
    for (const { entity } of entities) {
      const namespace =
        typeof entity.metadata?.namespace === 'string'
          ? entity.metadata.namespace
          : 'default';
      const ref = toFullRef(entity.spec?.system, {
        defaultKind: 'system',
        defaultNamespace: namespace,
      });
      if (ref && !tiers.has(ref)) {
        wanted.add(ref);
      }
    }
    for (const ref of wanted) {
      tiers.set(ref, tierOf(await catalog.getEntity(ref)));
    }
  }
  return systemRef => tiers.get(systemRef);
}
