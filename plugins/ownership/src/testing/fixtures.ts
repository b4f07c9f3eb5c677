import type { OwnershipOverview } from '@ownership-portal/plugin-ownership-common';
import { type OwnershipApi, ownershipApiRef } from '../api';

/** An overview with the given entity counts per kind; the total is derived. */
export function overviewOf(
  counts: Record<string, number>,
  lifecycles: Record<string, number>,
): OwnershipOverview {
  const kinds = Object.entries(counts).map(([kind, count]) => ({
    kind,
    count,
  }));
  return {
    scopeKinds: kinds.map(k => k.kind),
    kinds,
    total: kinds.reduce((sum, k) => sum + k.count, 0),
    lifecycles,
    generatedAt: '2026-11-28T10:00:00.000Z',
  };
}

/** A test API pair for `ownershipApiRef` that serves the given overview. */
export function ownershipApiWith(
  getOverview: OwnershipApi['getOverview'] | OwnershipOverview,
) {
  const impl: OwnershipApi = {
    getOverview:
      typeof getOverview === 'function' ? getOverview : async () => getOverview,
    listRules: async () => ({ items: [] }),
  };
  return [ownershipApiRef, impl] as const;
}
