import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { TestDatabases } from '@backstage/backend-test-utils';
import type { RunbookInfo } from '@ownership-portal/plugin-ownership-common';
import type { Knex } from 'knex';
import { applyMigrations } from './migrations';
import { DatabaseResultStore } from './ResultStore';
import { DatabaseRunStore } from './RunStore';
import {
  entity,
  finding,
  manualClock,
  ownedBy,
  results,
} from './__testUtils__/fixtures';
import type { EntityResult } from './types';

jest.setTimeout(30_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

const PAYMENTS = 'group:default/payments';
const ORDERS = 'group:default/orders';
const DOCS_MIGRATION = '20261202171500_document_refs.js';

function runbook(
  url: string,
  source: RunbookInfo['source'] = 'service-link',
): RunbookInfo {
  return {
    title: url,
    url,
    source,
    freshness: 'fresh',
    status: 'ok',
  };
}

const api = entity('api', {
  owner: ownedBy(PAYMENTS, 'Payments'),
  score: 40,
  level: 1,
  findings: [finding('runbook.missing'), finding('adr.missing', 'warning')],
  runbooks: [
    runbook('file:///docs/runbooks/shared.md'),
    runbook('file:///docs/runbooks/api.md'),
    runbook('https://wiki.example.com/api'),
  ],
  adrs: [
    {
      title: 'Use Kafka',
      status: 'accepted',
      url: 'file:///docs/adr/0001-use-kafka.md',
      file: '0001-use-kafka.md',
    },
  ],
  techDebt: {
    items: [],
    openCount: 0,
    overdueCount: 0,
    effortDays: 0,
    problems: [],
    registerUrl: 'file:///docs/debt/api.yaml',
  },
});
const worker = entity('worker', {
  owner: ownedBy(PAYMENTS, 'Payments'),
  score: 90,
  level: 3,
  findings: [finding('adr.missing', 'info')],
  runbooks: [
    runbook('file:///docs/runbooks/shared.md'),
    runbook(`file:///docs/${'x'.repeat(2100)}.md`),
    runbook('file:///docs/team/on-call.md', 'team-link'),
  ],
});
const orders = entity('orders', {
  owner: ownedBy(ORDERS, 'Orders'),
  score: 70,
  level: 2,
  findings: [finding('runbook.missing')],
  runbooks: [runbook('file:///docs/team/on-call.md', 'team-link')],
});
const ENTITIES: EntityResult[] = [api, worker, orders];

describe.each(databases.eachSupportedId())(
  'queries for what a caller may read, on %s',
  id => {
    async function setup() {
      const client = await databases.init(id);
      await applyMigrations({ getClient: async () => client }, client);
      const clock = manualClock('2026-11-01T06:00:00.000Z');
      const runs = DatabaseRunStore.create({ client, now: clock.now });
      const store = DatabaseResultStore.create({ client });
      const completedRun = async (entities: EntityResult[]) => {
        clock.advance(24 * 60 * 60 * 1000);
        const run = await runs.startRun({ trigger: 'schedule' });
        return runs.completeRun(run.id, results(entities));
      };
      const run = await completedRun(ENTITIES);
      return { client, runs, store, clock, completedRun, runId: run.id };
    }

    it('lists the refs of a whole selection in the listing order', async () => {
      const { store, runId } = await setup();

      expect(await store.listServiceRefs(runId, {})).toEqual([
        'component:default/api',
        'component:default/orders',
        'component:default/worker',
      ]);
      expect(
        await store.listServiceRefs(
          runId,
          { ownerRefs: [PAYMENTS] },
          { by: 'score', direction: 'desc' },
        ),
      ).toEqual(['component:default/worker', 'component:default/api']);
      expect(
        await store.listServiceRefs(runId, { ruleIds: ['runbook.missing'] }),
      ).toEqual(['component:default/api', 'component:default/orders']);
    });

    it('reads what the text filter matched, with the owner', async () => {
      const { store, runId } = await setup();

      expect(await store.listSearchTexts(runId, { q: 'orders' })).toEqual([
        {
          entityRef: 'component:default/orders',
          ownerRef: ORDERS,
          ownerTitle: 'Orders',
          searchText: expect.stringContaining('\norders\n'),
        },
      ]);
    });

    it('restricts listings to given entities', async () => {
      const { store, runId } = await setup();

      const page = await store.listServices(
        runId,
        { entityRefs: ['Component:default/Worker', 'component:default/api'] },
        { offset: 0, limit: 10 },
      );
      expect(page.items.map(i => i.entityRef)).toEqual([
        'component:default/api',
        'component:default/worker',
      ]);
      const findings = await store.listFindings(
        runId,
        { entityRefs: ['component:default/api'], severities: ['warning'] },
        { offset: 0, limit: 10 },
      );
      expect(findings.items.map(f => f.ruleId)).toEqual(['adr.missing']);
    });

    it('counts the selected findings of each entity', async () => {
      const { store, runId } = await setup();

      expect(await store.countFindingsByEntity(runId, {})).toEqual([
        { entityRef: 'component:default/api', count: 2 },
        { entityRef: 'component:default/orders', count: 1 },
        { entityRef: 'component:default/worker', count: 1 },
      ]);
      expect(
        await store.countFindingsByEntity(runId, {
          ruleIds: ['adr.missing'],
          ownerRefs: [PAYMENTS],
        }),
      ).toEqual([
        { entityRef: 'component:default/api', count: 1 },
        { entityRef: 'component:default/worker', count: 1 },
      ]);
    });

    it('reads the figures teams roll up, of all entities or some owners', async () => {
      const { store, runId } = await setup();

      const stats = await store.listEntityStats(runId, [PAYMENTS]);
      expect(stats.sort((a, b) => a.score - b.score)).toEqual([
        {
          entityRef: 'component:default/api',
          ownerRef: PAYMENTS,
          score: 40,
          level: 1,
          findings: { error: 1, warning: 1, info: 0 },
        },
        {
          entityRef: 'component:default/worker',
          ownerRef: PAYMENTS,
          score: 90,
          level: 3,
          findings: { error: 0, warning: 0, info: 1 },
        },
      ]);
      expect(await store.listEntityStats(runId)).toHaveLength(3);
      expect(await store.listEntityStats(runId, [])).toEqual([]);
    });

    it('finds the entities that name a local document, per run', async () => {
      const { store, runId, completedRun } = await setup();
      const later = await completedRun([orders]);

      expect(
        await store.findDocumentReferrers(
          runId,
          'file:///docs/runbooks/shared.md',
        ),
      ).toEqual(['component:default/api', 'component:default/worker']);
      for (const url of [
        'file:///docs/adr/0001-use-kafka.md',
        'file:///docs/debt/api.yaml',
      ]) {
        expect(await store.findDocumentReferrers(runId, url)).toEqual([
          'component:default/api',
        ]);
      }
      // A runbook inherited from the owning Group is named by the Group.
      expect(
        await store.findDocumentReferrers(
          runId,
          'file:///docs/team/on-call.md',
        ),
      ).toEqual([ORDERS, PAYMENTS]);
      // Remote documents are read at their own address, never here.
      expect(
        await store.findDocumentReferrers(
          runId,
          'https://wiki.example.com/api',
        ),
      ).toEqual([]);
      expect(
        await store.findDocumentReferrers(
          later.id,
          'file:///docs/runbooks/shared.md',
        ),
      ).toEqual([]);
    });

    it('prunes the document references with their run', async () => {
      const { client, runs, clock, completedRun } = await setup();
      await completedRun([orders]);
      const count = async () =>
        Number(
          (await client('ownership_document_refs').count({ count: '*' }))[0]
            .count,
        );
      expect(await count()).toBe(8);

      clock.advance(400 * 24 * 60 * 60 * 1000);
      const latest = await completedRun([orders]);
      await runs.prune({ keepAllDays: 1, keepDailyDays: 1 }, clock.now());

      // Only the kept run's reference is left.
      const left = await client('ownership_document_refs').select();
      expect(
        left.map(row => [Number(row.run_id), row.url, row.entity_ref]),
      ).toEqual([[latest.id, 'file:///docs/team/on-call.md', ORDERS]]);
    });

    it('fills the references of the latest run stored before the table existed', async () => {
      const client = await databases.init(id);
      await migrateBefore(client, DOCS_MIGRATION);
      await client('ownership_runs').insert({
        id: 7,
        status: 'succeeded',
        trigger: 'schedule',
        started_at: new Date('2026-11-01T06:00:00Z'),
        finished_at: new Date('2026-11-01T06:01:00Z'),
        processed: 1,
        total: 1,
      });
      await client('ownership_entity_results').insert({
        run_id: 7,
        entity_ref: 'component:default/api',
        kind: 'Component',
        name: 'api',
        namespace: 'default',
        title: 'api',
        owner_status: 'ok',
        score: 100,
        level: 4,
        finding_count: 0,
        error_count: 0,
        warning_count: 0,
        info_count: 0,
        search_text: 'api',
        details: JSON.stringify({
          tags: [],
          dependsOn: [],
          dependents: [],
          owner: { members: [], contacts: [], parents: [] },
          runbooks: api.runbooks,
          adrs: api.adrs,
        }),
      });

      await applyMigrations({ getClient: async () => client }, client);

      const store = DatabaseResultStore.create({ client });
      expect(
        await store.findDocumentReferrers(7, 'file:///docs/runbooks/api.md'),
      ).toEqual(['component:default/api']);
      expect(
        await store.findDocumentReferrers(
          7,
          'file:///docs/adr/0001-use-kafka.md',
        ),
      ).toEqual(['component:default/api']);
    });
  },
);

/** Applies the plugin's migrations that come before `name`. */
async function migrateBefore(client: Knex, name: string) {
  const directory = resolvePackagePath(
    '@ownership-portal/plugin-ownership-backend',
    'migrations',
  );
  const [, pending] = await client.migrate.list({ directory });
  for (const migration of pending as Array<{ file: string }>) {
    if (migration.file >= name) {
      return;
    }
    await client.migrate.up({ directory, name: migration.file });
  }
}
