import { mockCredentials } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import type { SearchDocumentItem } from '@ownership-portal/plugin-ownership-common';
import request from 'supertest';
import { DatabaseResultStore } from '../database/ResultStore';
import { OnCallService } from '../oncall/OnCallService';
import { CatalogVisibility } from '../services/query/CatalogVisibility';
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

/** A Group that lends its services a runbook of its own (a `team-link` runbook). */
function withTeamRunbook(entity: Entity, title: string, url: string): Entity {
  return withDetails(entity, {
    links: [...(entity.metadata.links ?? []), { url, title, type: 'runbook' }],
  });
}

const teamRunbooks = entities.map(entity => {
  if (entity.kind !== 'Group') {
    return entity;
  }
  if (entity.metadata.name === 'secret-ops') {
    return withTeamRunbook(
      entity,
      'Classified team runbook',
      'https://runbooks.example.com/classified-team',
    );
  }
  if (entity.metadata.name === 'payments') {
    return withTeamRunbook(
      entity,
      'Payments team runbook',
      'https://runbooks.example.com/payments-team',
    );
  }
  return entity;
});

describe('GET /search-documents, built page by page', () => {
  let backend: Awaited<ReturnType<typeof startOwnershipBackend>>;
  const get = (url: string, authorization = mockCredentials.user.header()) =>
    request(backend.server)
      .get(`/api/ownership${url}`)
      .set('authorization', authorization);
  const documents = (res: request.Response): SearchDocumentItem[] =>
    res.body.items;
  const named = (res: request.Response, name: string) =>
    documents(res).find(d => d.name === name);

  beforeAll(async () => {
    backend = await startOwnershipBackend({
      catalog: catalogHiding(teamRunbooks, HIDDEN),
      features: [
        oncallModule(fakeOnCallProvider({ teams: ['group:default/payments'] })),
      ],
    });
    await backend.audit();
  });

  afterEach(() => jest.restoreAllMocks());

  it('reads a page in one batch, with a fixed number of visibility checks and no live on-call answer', async () => {
    const getService = jest.spyOn(DatabaseResultStore.prototype, 'getService');
    const getHistory = jest.spyOn(DatabaseResultStore.prototype, 'getHistory');
    const getServices = jest.spyOn(
      DatabaseResultStore.prototype,
      'getServices',
    );
    const batch = jest.spyOn(DatabaseResultStore.prototype, 'getEntityResults');
    const readable = jest.spyOn(CatalogVisibility.prototype, 'readable');
    const oncall = jest.spyOn(OnCallService.prototype, 'answer');

    const one = await get('/search-documents?limit=1');
    expect(one.status).toBe(200);
    const checksForOne = readable.mock.calls.length;
    readable.mockClear();
    const all = await get('/search-documents?limit=5');
    expect(all.status).toBe(200);
    expect(documents(all)).toHaveLength(5);

    expect(readable.mock.calls.length).toBe(checksForOne);
    expect(batch).toHaveBeenCalledTimes(2);
    expect(batch).toHaveBeenLastCalledWith(
      all.body.runId,
      documents(all).map(d => d.entityRef),
    );
    expect(getService).not.toHaveBeenCalled();
    expect(getServices).not.toHaveBeenCalled();
    expect(getHistory).not.toHaveBeenCalled();
    expect(oncall).not.toHaveBeenCalled();
    expect(named(all, 'checkout')?.onCallSchedules).toEqual([
      'group:default/payments',
    ]);
  });

  it('answers every document as the entity page shows it to the same caller', async () => {
    for (const caller of [
      mockCredentials.user.header(),
      mockCredentials.user.header(OUTSIDER),
    ]) {
      const page = await get('/search-documents', caller);
      expect(page.status).toBe(200);
      for (const document of documents(page)) {
        const details = await get(
          `/services/${document.kind}/${document.namespace}/${document.name}`,
          caller,
        );
        expect(details.status).toBe(200);
        expect(document.owner).toEqual({
          status: details.body.owner.status,
          ...(details.body.owner.entityRef && {
            entityRef: details.body.owner.entityRef,
          }),
          ...(details.body.owner.title && { title: details.body.owner.title }),
          ...(details.body.owner.raw && { raw: details.body.owner.raw }),
        });
        expect(document.runbooks).toEqual(
          (details.body.runbooks ?? []).map(
            (r: { title: string; url: string }) => ({
              title: r.title,
              url: r.url,
            }),
          ),
        );
        expect(document.adrs).toEqual(
          (details.body.adrs ?? []).map(
            (a: { title: string; url: string }) => ({
              title: a.title,
              url: a.url,
            }),
          ),
        );
        expect(document.title).toBe(details.body.title);
        expect(document.level).toBe(details.body.level);
      }
    }
  });

  it("lends a Group's runbooks only to callers who may read the Group", async () => {
    const insider = await get('/search-documents');
    expect(named(insider, 'aurora-relay')?.runbooks).toEqual([
      {
        title: 'Classified team runbook',
        url: 'https://runbooks.example.com/classified-team',
      },
    ]);
    expect(named(insider, 'aurora-relay')?.owner.title).toBe('Classified Ops');

    const outsider = await get(
      '/search-documents',
      mockCredentials.user.header(OUTSIDER),
    );
    expect(outsider.body.totalItems).toBe(4);
    expect(named(outsider, 'zephyr-vault')).toBeUndefined();
    expect(named(outsider, 'aurora-relay')).toMatchObject({
      owner: {
        entityRef: 'group:default/secret-ops',
        status: 'empty-team',
        raw: 'secret-ops',
      },
      runbooks: [],
    });
    expect(named(outsider, 'billing')?.runbooks).toEqual([
      {
        title: 'Payments team runbook',
        url: 'https://runbooks.example.com/payments-team',
      },
    ]);
    expect(JSON.stringify(outsider.body)).not.toMatch(/zephyr|classified/i);
  });

  it('refuses to go on paging a run that a newer run replaced', async () => {
    const first = await get('/search-documents?limit=2');
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const newer = await backend.audit();
    expect(newer.status).toBe('succeeded');

    const next = await get(
      `/search-documents?limit=2&cursor=${first.body.nextCursor}`,
    );
    expect(next.status).toBe(400);
    expect(next.body.error.message).toContain(
      `cursor: audit run ${first.body.runId} was replaced by run ${newer.id} while it was paged; start again without a cursor`,
    );
    const again = await get('/search-documents?limit=2');
    expect(again.status).toBe(200);
    expect(again.body.runId).toBe(newer.id);
  });
});
