import { mockCredentials } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import type { SearchDocumentItem } from '@ownership-portal/plugin-ownership-common';
import request from 'supertest';
import { startOwnershipBackend } from '../__testUtils__/backend';
import { group, service, user } from '../__testUtils__/entities';
import { fakeOnCallProvider, oncallModule } from '../__testUtils__/oncall';
import { catalogHiding, OUTSIDER } from '../__testUtils__/visibility';

jest.setTimeout(60_000);

/** What the outsider may not read: one service and the Group owning another. */
const HIDDEN = ['component:default/zephyr-vault', 'group:default/secret-ops'];

function withDetails(
  entity: Entity,
  details: {
    title?: string;
    description?: string;
    links?: Entity['metadata']['links'];
  },
): Entity {
  return { ...entity, metadata: { ...entity.metadata, ...details } };
}

const entities: Entity[] = [
  group('engineering', { children: ['payments', 'secret-ops'] }),
  withDetails(group('payments', { parent: 'engineering' }), {
    title: 'Payments Team',
  }),
  withDetails(group('secret-ops', { parent: 'engineering' }), {
    title: 'Classified Ops',
  }),
  user('alice', ['payments']),
  user('bob', ['payments']),
  withDetails(service('checkout', 'payments'), {
    title: 'Checkout',
    description: 'Takes the money',
    links: [
      {
        url: 'https://runbooks.example.com/checkout',
        title: 'Checkout runbook',
        type: 'runbook',
      },
    ],
  }),
  service('billing', 'payments'),
  service('zephyr-vault', 'payments'),
  service('aurora-relay', 'secret-ops'),
  service('orphan', undefined),
];

describe('GET /search-documents', () => {
  let server: Awaited<ReturnType<typeof startOwnershipBackend>>['server'];
  let beforeFirstRun: request.Response;
  const get = (url: string, authorization = mockCredentials.user.header()) =>
    request(server)
      .get(`/api/ownership${url}`)
      .set('authorization', authorization);

  beforeAll(async () => {
    const backend = await startOwnershipBackend({
      catalog: catalogHiding(entities, HIDDEN),
      features: [
        oncallModule(fakeOnCallProvider({ teams: ['group:default/payments'] })),
      ],
    });
    server = backend.server;
    beforeFirstRun = await get(
      '/search-documents',
      mockCredentials.service.header(),
    );
    await backend.audit();
  });

  it('answers 404 before the first audit run', () => {
    expect(beforeFirstRun.status).toBe(404);
    expect(beforeFirstRun.body.error.message).toMatch(
      /No ownership audit run has completed yet/,
    );
  });

  it('answers one document per entity with what the search indexes', async () => {
    const res = await get(
      '/search-documents',
      mockCredentials.service.header(),
    );
    expect(res.status).toBe(200);
    expect(res.body.totalItems).toBe(5);
    expect(res.body.items.map((i: SearchDocumentItem) => i.entityRef)).toEqual([
      'component:default/aurora-relay',
      'component:default/billing',
      'component:default/checkout',
      'component:default/orphan',
      'component:default/zephyr-vault',
    ]);
    const checkout = res.body.items[2] as SearchDocumentItem;
    expect(checkout).toEqual({
      entityRef: 'component:default/checkout',
      kind: 'Component',
      namespace: 'default',
      name: 'checkout',
      title: 'Checkout',
      description: 'Takes the money',
      type: 'service',
      lifecycle: 'production',
      owner: {
        entityRef: 'group:default/payments',
        status: 'ok',
        title: 'Payments Team',
        raw: 'payments',
      },
      onCallSchedules: ['group:default/payments'],
      runbooks: [
        {
          title: 'Checkout runbook',
          url: 'https://runbooks.example.com/checkout',
        },
      ],
      adrs: [],
      findingRuleIds: expect.any(Array),
      level: expect.any(Number),
    });
    const orphan = res.body.items[3] as SearchDocumentItem;
    expect(orphan.findingRuleIds).toContain('owner.missing');
    expect(orphan.onCallSchedules).toEqual([]);
  });

  it('pages with a cursor through the same run', async () => {
    const first = await get('/search-documents?limit=2');
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(2);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await get(
      `/search-documents?limit=2&cursor=${first.body.nextCursor}`,
    );
    const third = await get(
      `/search-documents?limit=2&cursor=${second.body.nextCursor}`,
    );
    expect(third.body.nextCursor).toBeUndefined();
    expect(
      [...first.body.items, ...second.body.items, ...third.body.items].map(
        (i: SearchDocumentItem) => i.name,
      ),
    ).toEqual([
      'aurora-relay',
      'billing',
      'checkout',
      'orphan',
      'zephyr-vault',
    ]);
    expect(second.body.runId).toBe(first.body.runId);
  });

  it('leaves out what the caller may not read in the catalog', async () => {
    const res = await get(
      '/search-documents',
      mockCredentials.user.header(OUTSIDER),
    );
    expect(res.status).toBe(200);
    expect(res.body.totalItems).toBe(4);
    const refs = res.body.items.map((i: SearchDocumentItem) => i.entityRef);
    expect(refs).not.toContain('component:default/zephyr-vault');
    const aurora = res.body.items.find(
      (i: SearchDocumentItem) => i.name === 'aurora-relay',
    );
    expect(aurora.owner).toEqual({
      entityRef: 'group:default/secret-ops',
      status: 'empty-team',
      raw: 'secret-ops',
    });
    expect(JSON.stringify(res.body)).not.toMatch(/zephyr|classified/i);
  });

  it('refuses bad parameters, naming them', async () => {
    const limit = await get('/search-documents?limit=0');
    expect(limit.status).toBe(400);
    expect(limit.body.error.message).toMatch(/limit/);
    const cursor = await get('/search-documents?cursor=nonsense');
    expect(cursor.status).toBe(400);
    expect(cursor.body.error.message).toMatch(/cursor/);
  });

  it('needs credentials', async () => {
    const res = await get('/search-documents', mockCredentials.none.header());
    expect(res.status).toBe(401);
  });
});
