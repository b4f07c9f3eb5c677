import type { AuthService } from '@backstage/backend-plugin-api';
import type { CatalogService } from '@backstage/plugin-catalog-node';

/**
 * Waits until the catalog's count of entities of `kinds` stops changing
 * (the same count `intervalMs` apart), at most `maxWaitMs`, and returns
 * that count. A new installation ingests its locations for a while after
 * start-up; a snapshot taken meanwhile would miss most of the organisation.
 */
export async function settledCatalogCount(options: {
  catalog: CatalogService;
  auth: AuthService;
  kinds: string[];
  intervalMs?: number;
  maxWaitMs?: number;
}): Promise<number> {
  const { catalog, auth, kinds } = options;
  const intervalMs = options.intervalMs ?? 5_000;
  const deadline = Date.now() + (options.maxWaitMs ?? 120_000);
  const count = async () => {
    const { totalItems } = await catalog.queryEntities(
      { filter: { kind: kinds }, limit: 1, fields: ['kind'] },
      { credentials: await auth.getOwnServiceCredentials() },
    );
    return totalItems;
  };
  let last = await count();
  while (Date.now() < deadline) {
    await new Promise(resolve => setTimeout(resolve, intervalMs));
    const now = await count();
    if (now === last) {
      return now;
    }
    last = now;
  }
  return last;
}
