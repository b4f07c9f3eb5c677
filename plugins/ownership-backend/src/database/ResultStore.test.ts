import { TestDatabases } from '@backstage/backend-test-utils';
import { applyMigrations } from './migrations';
import { DatabaseResultStore } from './ResultStore';
import { DatabaseRunStore } from './RunStore';
import {
  entity,
  finding,
  manualClock,
  ownedBy,
  results,
  summaryOf,
  team,
} from './__testUtils__/fixtures';
import type { EntityResult, ServiceFilter } from './types';

jest.setTimeout(30_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

const PAYMENTS = 'group:default/payments';
const PAYMENTS_WEB = 'group:default/payments-web';
const ORDERS = 'group:default/orders';

const paymentsApi = entity('payments-api', {
  title: 'Payments API',
  description: 'Takes the money',
  tags: ['pci', 'java'],
  system: 'system:default/checkout',
  owner: ownedBy(PAYMENTS, 'Payments'),
  score: 60,
  level: 1,
  findings: [finding('runbook.missing'), finding('adr.missing', 'warning')],
  dependsOn: [
    { entityRef: 'resource:default/billing-db', relation: 'dependsOn' },
  ],
  dependents: [
    { entityRef: 'component:default/payments-ui', relation: 'consumesApi' },
  ],
});
const paymentsUi = entity('payments-ui', {
  type: 'website',
  title: 'Checkout UI',
  owner: ownedBy(PAYMENTS_WEB, 'Payments Web'),
  score: 80,
  level: 2,
  findings: [finding('runbook.stale', 'warning')],
});
const ordersApi = entity('orders-api', {
  title: 'Orders',
  lifecycle: 'Experimental',
  owner: ownedBy(ORDERS, 'Orders'),
});
const legacyBatch = entity('legacy_batch', {
  title: 'Legacy batch',
  lifecycle: 'deprecated',
  owner: { status: 'missing', members: [], contacts: [], parents: [] },
  suggestedOwner: {
    entityRef: PAYMENTS,
    title: 'Payments',
    source: 'system',
    via: 'system:default/checkout',
  },
  score: 0,
  level: 0,
  findings: [finding('owner.missing'), finding('oncall.missing')],
});
const billingDb = entity('billing-db', {
  kind: 'Resource',
  type: 'database',
  title: 'Billing DB',
  lifecycle: undefined,
  owner: ownedBy(PAYMENTS, 'Payments'),
  score: 90,
  level: 3,
  findings: [finding('adr.missing', 'info')],
});
const searchApi = entity('search-api', {
  kind: 'API',
  type: 'openapi',
  title: 'Search 50% off',
  owner: ownedBy(ORDERS, 'Orders'),
  score: 60,
  level: 1,
  findings: [finding('runbook.missing', 'warning')],
});
const allEntities = [
  paymentsApi,
  paymentsUi,
  ordersApi,
  legacyBatch,
  billingDb,
  searchApi,
];

const teams = [
  team('payments', {
    title: 'Payments',
    serviceCount: 3,
    directServiceCount: 2,
    findings: { error: 1, warning: 2, info: 1 },
    levels: [0, 1, 1, 1, 0],
    score: 76.67,
    memberCount: 5,
    subGroups: [PAYMENTS_WEB],
    contacts: [
      {
        type: 'chat',
        label: '#payments',
        url: 'https://chat.example.com/payments',
      },
    ],
  }),
  team('payments-web', {
    title: 'Payments Web',
    parent: PAYMENTS,
    serviceCount: 1,
    directServiceCount: 1,
    findings: { error: 0, warning: 1, info: 0 },
    levels: [0, 0, 1, 0, 0],
    score: 80,
    memberCount: 2,
  }),
  team('orders', {
    title: 'Orders',
    serviceCount: 2,
    directServiceCount: 2,
    findings: { error: 0, warning: 1, info: 0 },
    levels: [0, 1, 0, 0, 1],
    score: 80,
    memberCount: 3,
  }),
  team('platform', { title: 'Platform', memberCount: 4 }),
];

const all = { offset: 0, limit: 100 };

function refs(items: Array<{ entityRef: string }>): string[] {
  return items.map(item => item.entityRef);
}

describe.each(databases.eachSupportedId())('DatabaseResultStore on %s', id => {
  async function setup() {
    const client = await databases.init(id);
    await applyMigrations({ getClient: async () => client }, client);
    const clock = manualClock('2026-11-01T06:00:00.000Z');
    const runs = DatabaseRunStore.create({ client, now: clock.now });
    const store = DatabaseResultStore.create({ client });

    async function completedRun(entities: EntityResult[], withTeams = teams) {
      clock.advance(24 * 60 * 60 * 1000);
      const run = await runs.startRun({ trigger: 'schedule' });
      return runs.completeRun(run.id, results(entities, withTeams));
    }

    const run = await completedRun(allEntities);
    return { runs, store, clock, completedRun, runId: run.id };
  }

  describe('listServices', () => {
    it('lists every entity of the run by entity ref, with its findings', async () => {
      const { store, runId, completedRun } = await setup();
      await completedRun([entity('other')]);

      expect(await store.listServices(runId, {}, all)).toEqual({
        items: [
          summaryOf(searchApi),
          summaryOf(legacyBatch),
          summaryOf(ordersApi),
          summaryOf(paymentsApi),
          summaryOf(paymentsUi),
          summaryOf(billingDb),
        ],
        totalItems: 6,
      });
    });

    it.each<[string, ServiceFilter, EntityResult[]]>([
      [
        'owner refs, case-insensitively',
        { ownerRefs: ['Group:default/PAYMENTS', PAYMENTS_WEB] },
        [paymentsApi, paymentsUi, billingDb],
      ],
      [
        'rule ids',
        { ruleIds: ['runbook.missing', 'runbook.stale'] },
        [searchApi, paymentsApi, paymentsUi],
      ],
      ['severities', { severities: ['error'] }, [legacyBatch, paymentsApi]],
      [
        'rule and severity on the same finding',
        { ruleIds: ['runbook.missing'], severities: ['warning'] },
        [searchApi],
      ],
      [
        'lifecycles, case-insensitively',
        { lifecycles: ['EXPERIMENTAL', 'deprecated'] },
        [legacyBatch, ordersApi],
      ],
      [
        'kinds, case-insensitively',
        { kinds: ['api', 'RESOURCE'] },
        [searchApi, billingDb],
      ],
      [
        'several filters at once',
        {
          ownerRefs: [PAYMENTS],
          kinds: ['Component'],
          severities: ['warning'],
        },
        [paymentsApi],
      ],
      [
        'empty lists as no filter',
        {
          ownerRefs: [],
          ruleIds: [],
          severities: [],
          kinds: [],
          lifecycles: [],
        },
        allEntities,
      ],
      ['q over tags', { q: 'PCI' }, [paymentsApi]],
      ['q over system and title', { q: 'checkout' }, [paymentsApi, paymentsUi]],
      ['q over owner title', { q: 'payments web' }, [paymentsUi]],
      [
        'q over owner ref',
        { q: 'group:default/orders' },
        [searchApi, ordersApi],
      ],
      ['q over name', { q: 'batch' }, [legacyBatch]],
      ['q with a literal %', { q: '50%' }, [searchApi]],
      ['q of only %', { q: '%' }, [searchApi]],
      ['q of only _', { q: '_' }, [legacyBatch]],
      ['q with a backslash', { q: '\\' }, []],
      ['blank q as no filter', { q: '  ' }, allEntities],
      [
        'q and a filter',
        { q: 'api', kinds: ['component'] },
        [paymentsApi, ordersApi],
      ],
    ])('filters by %s', async (_name, filter, expected) => {
      const { store, runId } = await setup();

      const listed = await store.listServices(runId, filter, all);

      expect(refs(listed.items).sort()).toEqual(refs(expected).sort());
      expect(listed.totalItems).toBe(expected.length);
    });

    it.each<[string, 'asc' | 'desc', EntityResult[]]>([
      [
        'score',
        'asc',
        [legacyBatch, searchApi, paymentsApi, paymentsUi, billingDb, ordersApi],
      ],
      [
        'score',
        'desc',
        [ordersApi, billingDb, paymentsUi, searchApi, paymentsApi, legacyBatch],
      ],
      [
        'title',
        'asc',
        [billingDb, paymentsUi, legacyBatch, ordersApi, paymentsApi, searchApi],
      ],
      [
        'level',
        'desc',
        [ordersApi, billingDb, paymentsUi, searchApi, paymentsApi, legacyBatch],
      ],
      [
        'findings',
        'desc',
        [legacyBatch, paymentsApi, searchApi, paymentsUi, billingDb, ordersApi],
      ],
      [
        'entityRef',
        'desc',
        [billingDb, paymentsUi, paymentsApi, ordersApi, legacyBatch, searchApi],
      ],
    ])(
      'orders by %s %s, ties by entity ref',
      async (by, direction, expected) => {
        const { store, runId } = await setup();

        const listed = await store.listServices(runId, {}, all, {
          by: by as 'score',
          direction,
        });

        expect(refs(listed.items)).toEqual(refs(expected));
      },
    );

    it('pages through a stable order, counting the whole selection', async () => {
      const { store, runId } = await setup();
      const order = { by: 'score', direction: 'desc' } as const;

      const pages = [];
      for (let offset = 0; offset < 6; offset += 4) {
        pages.push(
          await store.listServices(runId, {}, { offset, limit: 4 }, order),
        );
      }

      expect(pages.map(p => p.totalItems)).toEqual([6, 6]);
      expect(pages.flatMap(p => refs(p.items))).toEqual(
        refs((await store.listServices(runId, {}, all, order)).items),
      );
      expect(pages[1].items).toHaveLength(2);
      expect(
        await store.listServices(runId, {}, { offset: 10, limit: 4 }),
      ).toEqual({ items: [], totalItems: 6 });
      expect(
        await store.listServices(
          runId,
          { severities: ['error'] },
          { offset: 1, limit: 1 },
        ),
      ).toEqual({ items: [summaryOf(paymentsApi)], totalItems: 2 });
    });
  });

  describe('listFindings', () => {
    it('lists findings with their entity, by entity ref then rule id', async () => {
      const { store, runId } = await setup();

      const listed = await store.listFindings(runId, {}, all);

      expect(listed.totalItems).toBe(7);
      expect(
        listed.items.map(item => `${item.entityRef} ${item.ruleId}`),
      ).toEqual([
        'api:default/search-api runbook.missing',
        'component:default/legacy_batch oncall.missing',
        'component:default/legacy_batch owner.missing',
        'component:default/payments-api adr.missing',
        'component:default/payments-api runbook.missing',
        'component:default/payments-ui runbook.stale',
        'resource:default/billing-db adr.missing',
      ]);
      expect(listed.items[0]).toEqual({
        ...finding('runbook.missing', 'warning'),
        entityRef: 'api:default/search-api',
        kind: 'API',
        title: 'Search 50% off',
        lifecycle: 'production',
        ownerRef: ORDERS,
      });
      expect(listed.items[1]).toEqual({
        ...finding('oncall.missing'),
        entityRef: 'component:default/legacy_batch',
        kind: 'Component',
        title: 'Legacy batch',
        lifecycle: 'deprecated',
      });
    });

    it('restricts the findings themselves by rule and severity', async () => {
      const { store, runId } = await setup();

      const errors = await store.listFindings(
        runId,
        { severities: ['error'] },
        all,
      );
      expect(errors.items.map(item => [item.entityRef, item.ruleId])).toEqual([
        ['component:default/legacy_batch', 'oncall.missing'],
        ['component:default/legacy_batch', 'owner.missing'],
        ['component:default/payments-api', 'runbook.missing'],
      ]);
      expect(errors.totalItems).toBe(3);

      const adrOfPayments = await store.listFindings(
        runId,
        { ruleIds: ['adr.missing'], ownerRefs: [PAYMENTS] },
        all,
      );
      expect(
        adrOfPayments.items.map(item => [item.entityRef, item.severity]),
      ).toEqual([
        ['component:default/payments-api', 'warning'],
        ['resource:default/billing-db', 'info'],
      ]);

      const byQuery = await store.listFindings(runId, { q: 'legacy' }, all);
      expect(byQuery.totalItems).toBe(2);
    });

    it('pages through findings', async () => {
      const { store, runId } = await setup();

      const second = await store.listFindings(
        runId,
        {},
        { offset: 3, limit: 3 },
      );

      expect(second.totalItems).toBe(7);
      expect(second.items.map(item => item.ruleId)).toEqual([
        'adr.missing',
        'runbook.missing',
        'runbook.stale',
      ]);
    });
  });

  describe('single entities', () => {
    it('returns everything stored about an entity', async () => {
      const { store, runId } = await setup();

      expect(await store.getService(runId, paymentsApi.entityRef)).toEqual(
        paymentsApi,
      );
      expect(
        await store.getService(runId, 'Component:Default/Legacy_Batch'),
      ).toEqual(legacyBatch);
      const billing = await store.getService(runId, billingDb.entityRef);
      expect(billing).toEqual(billingDb);
      expect(billing).not.toHaveProperty('lifecycle');
      expect(
        await store.getService(runId, 'component:default/unknown'),
      ).toBeUndefined();
      expect(
        await store.getService(runId + 1000, paymentsApi.entityRef),
      ).toBeUndefined();
    });

    it('returns summaries of the requested entities in the run', async () => {
      const { store, runId } = await setup();

      expect(
        await store.getServices(runId, [
          billingDb.entityRef,
          'component:default/unknown',
          'COMPONENT:default/payments-api',
        ]),
      ).toEqual([summaryOf(billingDb), summaryOf(paymentsApi)]);
      expect(await store.getServices(runId, [])).toEqual([]);
    });

    it('returns everything stored about the requested entities in the run, in the order asked', async () => {
      const { store, runId, completedRun } = await setup();
      const later = await completedRun([
        { ...paymentsApi, score: 85, level: 3, findings: [] },
      ]);

      expect(
        await store.getEntityResults(runId, [
          billingDb.entityRef,
          'component:default/unknown',
          'COMPONENT:default/payments-api',
          legacyBatch.entityRef,
          paymentsApi.entityRef,
        ]),
      ).toEqual([billingDb, paymentsApi, legacyBatch]);
      expect(
        await store.getEntityResults(later.id, [
          paymentsApi.entityRef,
          billingDb.entityRef,
        ]),
      ).toEqual([{ ...paymentsApi, score: 85, level: 3, findings: [] }]);
      expect(await store.getEntityResults(runId, [])).toEqual([]);
      expect(
        await store.getEntityResults(runId + 1000, [paymentsApi.entityRef]),
      ).toEqual([]);
    });

    it('reads more entities than one IN list holds', async () => {
      const { store, completedRun } = await setup();
      const many = Array.from({ length: 501 }, (_, i) =>
        entity(`svc-${String(i).padStart(3, '0')}`, {
          owner: ownedBy(PAYMENTS, 'Payments'),
          findings: i % 2 ? [finding('runbook.missing')] : [],
        }),
      );
      const run = await completedRun(many);

      const read = await store.getEntityResults(
        run.id,
        [...many].reverse().map(e => e.entityRef),
      );
      expect(read).toEqual([...many].reverse());
    });

    it('returns the history of an entity over successful runs, oldest first', async () => {
      const { store, runs, runId, clock, completedRun } = await setup();
      clock.advance(60_000);
      const failed = await runs.startRun({ trigger: 'schedule' });
      await runs.failRun(failed.id, 'boom');
      const without = await completedRun([ordersApi]);
      const improved = await completedRun([
        { ...paymentsApi, score: 85, level: 3, findings: [] },
      ]);

      expect(await store.getHistory('component:default/payments-api')).toEqual([
        {
          runId,
          finishedAt: '2026-11-02T06:00:00.000Z',
          score: 60,
          level: 1,
          findingCount: 2,
        },
        {
          runId: improved.id,
          finishedAt: '2026-11-04T06:01:00.000Z',
          score: 85,
          level: 3,
          findingCount: 0,
        },
      ]);
      expect(without.id).toBeLessThan(improved.id);
      expect(await store.getHistory('component:default/unknown')).toEqual([]);
    });

    it('streams every entity of a run in pages by entity ref', async () => {
      const { store, runId, completedRun } = await setup();
      const empty = await completedRun([]);

      const pages: EntityResult[][] = [];
      for await (const p of store.streamEntities(runId, 4)) {
        pages.push(p);
      }
      expect(pages.map(p => p.length)).toEqual([4, 2]);
      expect(pages.flat()).toEqual([
        searchApi,
        legacyBatch,
        ordersApi,
        paymentsApi,
        paymentsUi,
        billingDb,
      ]);

      const exact: number[] = [];
      for await (const p of store.streamEntities(runId, 3)) {
        exact.push(p.length);
      }
      expect(exact).toEqual([3, 3]);

      const none: EntityResult[][] = [];
      for await (const p of store.streamEntities(empty.id)) {
        none.push(p);
      }
      expect(none).toEqual([]);
    });
  });

  describe('teams', () => {
    it('lists teams by entity ref by default', async () => {
      const { store, runId, completedRun } = await setup();
      await completedRun([], [team('other')]);

      const { items, totalItems } = await store.listTeams(runId, all);

      expect(totalItems).toBe(4);
      expect(refs(items)).toEqual([
        ORDERS,
        PAYMENTS,
        PAYMENTS_WEB,
        'group:default/platform',
      ]);
      const { members, contacts, subGroups, ...rollup } = teams[0];
      expect(items[1]).toEqual(rollup);
      expect(items[2].parent).toBe(PAYMENTS);
    });

    it.each<[string, 'asc' | 'desc', string[]]>([
      ['title', 'desc', ['platform', 'payments-web', 'payments', 'orders']],
      [
        'serviceCount',
        'desc',
        ['payments', 'orders', 'payments-web', 'platform'],
      ],
      ['score', 'asc', ['payments', 'orders', 'payments-web', 'platform']],
      ['errors', 'desc', ['payments', 'orders', 'payments-web', 'platform']],
      ['findings', 'desc', ['payments', 'orders', 'payments-web', 'platform']],
      ['findings', 'asc', ['platform', 'orders', 'payments-web', 'payments']],
      ['entityRef', 'desc', ['platform', 'payments-web', 'payments', 'orders']],
    ])('orders teams by %s %s', async (by, direction, expected) => {
      const { store, runId } = await setup();

      const { items } = await store.listTeams(runId, all, {
        by: by as 'score',
        direction,
      });

      expect(refs(items)).toEqual(
        expected.map(name => `group:default/${name}`),
      );
    });

    it('searches and pages teams', async () => {
      const { store, runId } = await setup();

      expect(
        refs((await store.listTeams(runId, all, undefined, 'PAY')).items),
      ).toEqual([PAYMENTS, PAYMENTS_WEB]);
      expect(
        refs((await store.listTeams(runId, all, undefined, 'web')).items),
      ).toEqual([PAYMENTS_WEB]);
      expect(await store.listTeams(runId, all, undefined, '%')).toEqual({
        items: [],
        totalItems: 0,
      });
      const second = await store.listTeams(runId, { offset: 1, limit: 2 });
      expect(second.totalItems).toBe(4);
      expect(refs(second.items)).toEqual([PAYMENTS, PAYMENTS_WEB]);
    });

    it('returns everything stored about a team', async () => {
      const { store, runId } = await setup();

      expect(await store.getTeam(runId, 'Group:default/Payments')).toEqual(
        teams[0],
      );
      expect(
        await store.getTeam(runId, 'group:default/unknown'),
      ).toBeUndefined();
    });
  });
});
