import type { Entity } from '@backstage/catalog-model';
import type { ResolvedService } from '@ownership-portal/plugin-ownership-common';
import { DEFAULT_OWNER_PLACEHOLDERS } from '@ownership-portal/plugin-ownership-rules';
import { DEFAULT_SCOPE } from '../config/scope';
import { OrgDirectory } from '../org/OrgDirectory';
import { OwnerResolver } from '../services/resolve/OwnerResolver';
import { resolveService } from '../services/resolve/resolveService';
import { refOf } from '../org/refs';
import { exampleCatalog } from './entities';

/** Resolves every audited entity of a catalog, keyed by entity ref. */
export function resolveCatalog(
  catalog: Entity[] = exampleCatalog(),
  placeholders: string[] = DEFAULT_OWNER_PLACEHOLDERS,
): Map<string, ResolvedService> {
  const ofKind = (...kinds: string[]) =>
    catalog.filter(e => kinds.includes(e.kind));
  const org = OrgDirectory.build(ofKind('Group'), ofKind('User'));
  const resolver = OwnerResolver.create({
    org,
    owners: { placeholders: new Set(placeholders) },
    context: ofKind('System', 'Domain'),
  });
  return new Map(
    ofKind(...DEFAULT_SCOPE.kinds).map(e => [
      refOf(e),
      resolveService(e, { resolver, scope: DEFAULT_SCOPE }),
    ]),
  );
}
