import type { AuthService } from '@backstage/backend-plugin-api';
import {
  type Entity,
  RELATION_CHILD_OF,
  RELATION_MEMBER_OF,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import type { AuthOwnershipResolver } from '@backstage/plugin-auth-node';
import type { CatalogService } from '@backstage/plugin-catalog-node';

/** Deep enough for any real org chart; stops a parent cycle for certain. */
const MAX_DEPTH = 16;

function groupTargets(entity: Entity | null | undefined, type: string) {
  return (entity?.relations ?? [])
    .filter(r => r.type === type && r.targetRef.startsWith('group:'))
    .map(r => r.targetRef);
}

/**
 * Ownership of a signed-in user: the user, the groups they are a member of,
 * and every parent of those groups up to the root. A member of a sub-group
 * thereby counts as a member of the team above it, so the catalog's
 * `isEntityOwner` sees what the team owns. (Backstage's default stops at the
 * direct groups.)
 */
export function transitiveOwnershipResolver(options: {
  catalog: CatalogService;
  auth: AuthService;
}): AuthOwnershipResolver {
  const { catalog, auth } = options;

  async function parentsOf(groupRefs: string[]): Promise<string[]> {
    const { items } = await catalog.getEntitiesByRefs(
      { entityRefs: groupRefs, fields: ['relations'] },
      { credentials: await auth.getOwnServiceCredentials() },
    );
    return items.flatMap(group => groupTargets(group, RELATION_CHILD_OF));
  }

  return {
    async resolveOwnershipEntityRefs(entity) {
      const refs = new Set([stringifyEntityRef(entity)]);
      let level = groupTargets(entity, RELATION_MEMBER_OF);
      for (let depth = 0; level.length > 0 && depth < MAX_DEPTH; depth++) {
        const unseen = level.filter(ref => !refs.has(ref));
        unseen.forEach(ref => refs.add(ref));
        level = unseen.length > 0 ? await parentsOf(unseen) : [];
      }
      return { ownershipEntityRefs: [...refs] };
    },
  };
}
