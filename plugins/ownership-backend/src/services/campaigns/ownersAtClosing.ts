import type { AuthService } from '@backstage/backend-plugin-api';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { chunk, MAX_IN_LIST } from '../../database/rows';
import { relationTargets, toFullRef } from '../../org/refs';

/**
 * Each entity's owner in the catalog now (the `ownedBy` relation, else
 * `spec.owner` as written), or `undefined` for an entity that is gone.
 * Read with the plugin's own credentials, a page of refs at a time.
 */
export async function ownersAtClosing(
  catalog: CatalogService,
  auth: AuthService,
  refs: string[],
): Promise<Map<string, string | undefined>> {
  const credentials = await auth.getOwnServiceCredentials();
  const owners = new Map<string, string | undefined>();
  for (const batch of chunk(refs, MAX_IN_LIST)) {
    const { items } = await catalog.getEntitiesByRefs(
      {
        entityRefs: batch,
        fields: [
          'kind',
          'metadata.name',
          'metadata.namespace',
          'spec.owner',
          'relations',
        ],
      },
      { credentials },
    );
    batch.forEach((ref, i) => {
      const entity = items[i];
      if (!entity) {
        owners.set(ref, undefined);
        return;
      }
      const [ownedBy] = relationTargets(entity, 'ownedBy');
      const written = toFullRef(entity.spec?.owner, {
        defaultKind: 'group',
        defaultNamespace: entity.metadata.namespace ?? 'default',
      });
      owners.set(ref, ownedBy ?? written ?? 'none');
    });
  }
  return owners;
}
