import { mockServices } from '@backstage/backend-test-utils';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { settledCatalogCount } from './settledCatalog';

function catalogCounting(counts: number[]) {
  let calls = 0;
  const queryEntities = jest.fn(async (request: unknown) => {
    const totalItems = counts[Math.min(calls, counts.length - 1)];
    calls += 1;
    return { items: [], totalItems, pageInfo: {}, request };
  });
  return {
    catalog: { queryEntities } as unknown as CatalogService,
    queryEntities,
  };
}

describe('settledCatalogCount', () => {
  it('waits until the count stops changing', async () => {
    const { catalog, queryEntities } = catalogCounting([1, 12, 40, 48, 48]);
    const count = await settledCatalogCount({
      catalog,
      auth: mockServices.auth(),
      kinds: ['Component', 'API'],
      intervalMs: 1,
    });
    expect(count).toBe(48);
    expect(queryEntities).toHaveBeenCalledTimes(5);
    expect(queryEntities.mock.calls[0][0]).toEqual({
      filter: { kind: ['Component', 'API'] },
      limit: 1,
      fields: ['kind'],
    });
  });

  it('gives up at its deadline with the last count', async () => {
    const growing = Array.from({ length: 1000 }, (_, i) => i);
    const { catalog } = catalogCounting(growing);
    const count = await settledCatalogCount({
      catalog,
      auth: mockServices.auth(),
      kinds: ['Component'],
      intervalMs: 5,
      maxWaitMs: 30,
    });
    expect(count).toBeGreaterThan(0);
    expect(count).toBeLessThan(100);
  });
});
