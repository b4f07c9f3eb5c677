import { TestDatabases } from '@backstage/backend-test-utils';
import type { Knex } from 'knex';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import type { AuditRun } from '@ownership-portal/plugin-ownership-common';
import { RunInProgressError } from './errors';
import { applyMigrations, rollbackMigrations } from './migrations';
import { PRUNE_BATCH_RUNS } from './retention';
import { DatabaseResultStore } from './ResultStore';
import { DatabaseRunStore } from './RunStore';
import {
  entity,
  finding,
  manualClock,
  results,
  team,
} from './__testUtils__/fixtures';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

const DAY = 24 * 60 * 60 * 1000;
const page = { offset: 0, limit: 100 };

const CLAIM_MIGRATION = '20261202180000_run_claim.js';

/** Applies the plugin's migrations that come before `name`. */
async function migrateUpTo(client: Knex, name: string) {
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

async function countRows(client: Knex, table: string): Promise<number> {
  const [{ count }] = await client(table).count({ count: '*' });
  return Number(count);
}

describe.each(databases.eachSupportedId())('DatabaseRunStore on %s', id => {
  async function setup(start = '2026-11-28T10:00:00.000Z') {
    const client = await databases.init(id);
    await applyMigrations({ getClient: async () => client }, client);
    const clock = manualClock(start);
    return {
      client,
      clock,
      store: DatabaseRunStore.create({ client, now: clock.now }),
      resultStore: DatabaseResultStore.create({ client }),
    };
  }

  it('records a run from start through progress to success', async () => {
    const { store, clock } = await setup();

    expect(await store.getRunningRun()).toBeUndefined();
    const started = await store.startRun({
      trigger: 'manual',
      triggeredBy: 'user:default/alice',
    });
    expect(started).toEqual({
      id: expect.any(Number),
      status: 'running',
      trigger: 'manual',
      triggeredBy: 'user:default/alice',
      startedAt: '2026-11-28T10:00:00.000Z',
      processed: 0,
    });
    expect(await store.getRunningRun()).toEqual(started);

    await store.updateProgress(started.id, 1, 2);
    expect(await store.getLatestRun()).toMatchObject({
      processed: 1,
      total: 2,
    });

    clock.advance(60_000);
    const input = results(
      [entity('a'), entity('b', { findings: [finding('adr.missing')] })],
      [team('team-a')],
    );
    const finished = await store.completeRun(started.id, input);
    expect(finished).toEqual({
      ...started,
      status: 'succeeded',
      finishedAt: '2026-11-28T10:01:00.000Z',
      processed: 2,
      total: 2,
    });
    expect(await store.getRun(started.id)).toEqual(finished);
    expect(await store.getRunningRun()).toBeUndefined();
    expect(await store.getLatestSucceededRun()).toEqual(finished);
    expect(await store.getFigures(started.id)).toEqual(input.figures);
  });

  it('keeps the error of a failed run and stores no figures for it', async () => {
    const { store } = await setup();
    const run = await store.startRun({ trigger: 'schedule' });

    const failed = await store.failRun(run.id, 'catalog unavailable: 503');

    expect(failed).toMatchObject({
      status: 'failed',
      error: 'catalog unavailable: 503',
      finishedAt: '2026-11-28T10:00:00.000Z',
    });
    expect(failed.triggeredBy).toBeUndefined();
    expect(await store.getFigures(run.id)).toBeUndefined();
    expect(await store.getLatestSucceededRun()).toBeUndefined();
  });

  it('refuses to finish a run twice, writing nothing the second time', async () => {
    const { client, store } = await setup();
    const run = await store.startRun({ trigger: 'schedule' });
    await store.completeRun(run.id, results([entity('a')]));

    await expect(store.failRun(run.id, 'late')).rejects.toThrow(
      `Audit run ${run.id} is not running, so it cannot fail`,
    );
    await expect(
      store.completeRun(run.id, results([entity('b'), entity('c')])),
    ).rejects.toThrow(
      `Audit run ${run.id} is not running, so it cannot be completed`,
    );
    expect(await store.getRun(run.id)).toMatchObject({
      status: 'succeeded',
      total: 1,
    });
    expect(await countRows(client, 'ownership_entity_results')).toBe(1);

    const failed = await store.startRun({ trigger: 'schedule' });
    await store.failRun(failed.id, 'boom');
    await expect(
      store.completeRun(failed.id, results([entity('d')])),
    ).rejects.toThrow('is not running');
    expect(await countRows(client, 'ownership_entity_results')).toBe(1);
  });

  describe('the claim', () => {
    it('lets exactly one of many concurrent starts through; the others name the running run', async () => {
      const { store } = await setup();

      const attempts = await Promise.allSettled(
        Array.from({ length: 8 }, (_, i) =>
          store.startRun({ trigger: i % 2 ? 'manual' : 'schedule' }),
        ),
      );

      const won = attempts.filter(a => a.status === 'fulfilled');
      const lost = attempts.filter(
        (a): a is PromiseRejectedResult => a.status === 'rejected',
      );
      expect(won).toHaveLength(1);
      const winner = (won[0] as PromiseFulfilledResult<AuditRun>).value;
      expect(lost).toHaveLength(7);
      for (const { reason } of lost) {
        expect(reason).toBeInstanceOf(RunInProgressError);
        expect(reason.name).toBe('ConflictError');
        expect(reason.run).toMatchObject({ id: winner.id, status: 'running' });
      }
      expect(await store.listRuns(20)).toEqual([winner]);

      await store.failRun(winner.id, 'done with it');
      const next = await store.startRun({ trigger: 'manual' });
      expect(next.id).not.toBe(winner.id);
    });

    it('abandons a run only once its heartbeat is older than the cutoff, and only once', async () => {
      const { client, clock, store } = await setup();
      const run = await store.startRun({ trigger: 'schedule' });
      clock.advance(60_000);
      expect(await store.heartbeat(run.id)).toBe(true);
      clock.advance(60_000);
      await store.updateProgress(run.id, 3, 10);

      // Heartbeat at 10:01, progress at 10:02: alive for a cutoff of 10:01:30.
      expect(
        await store.abandonStaleRuns(
          new Date('2026-11-28T10:01:30.000Z'),
          'Abandoned',
        ),
      ).toEqual([]);
      expect(await store.getRunningRun()).toMatchObject({ id: run.id });

      clock.advance(60_000);
      const [first, second] = await Promise.all([
        store.abandonStaleRuns(
          new Date('2026-11-28T10:02:30.000Z'),
          'Abandoned: no heartbeat',
        ),
        store.abandonStaleRuns(
          new Date('2026-11-28T10:02:30.000Z'),
          'Abandoned: no heartbeat',
        ),
      ]);
      const marked = [...first, ...second];
      expect(marked).toEqual([
        {
          ...run,
          status: 'failed',
          processed: 3,
          total: 10,
          finishedAt: '2026-11-28T10:03:00.000Z',
          error: 'Abandoned: no heartbeat',
        },
      ]);

      // The stopped process, should it wake up, can neither beat nor store.
      expect(await store.heartbeat(run.id)).toBe(false);
      await expect(
        store.completeRun(run.id, results([entity('late')])),
      ).rejects.toThrow('is not running');
      expect(await countRows(client, 'ownership_entity_results')).toBe(0);
      expect(await store.getRunningRun()).toBeUndefined();
      await expect(
        store.startRun({ trigger: 'manual' }),
      ).resolves.toMatchObject({ status: 'running' });
    });
  });

  it('completes a run atomically: a failure halfway leaves nothing of it', async () => {
    const { client, clock, store, resultStore } = await setup();
    const first = await store.startRun({ trigger: 'schedule' });
    await store.completeRun(
      first.id,
      results(
        [entity('kept', { findings: [finding('runbook.missing')] })],
        [team('team-a')],
      ),
    );

    clock.advance(DAY);
    const second = await store.startRun({ trigger: 'schedule' });
    // 450 entities and their findings are written in several statements
    // before the malformed team at the end fails to convert: everything
    // written by then must be rolled back.
    const many = Array.from({ length: 450 }, (_, i) =>
      entity(`svc-${String(i).padStart(3, '0')}`, {
        findings: [finding('adr.missing', 'warning')],
      }),
    );
    const malformed = {
      ...team('team-b'),
      findings: undefined,
    } as unknown as ReturnType<typeof team>;
    await expect(
      store.completeRun(second.id, results(many, [malformed])),
    ).rejects.toThrow();

    expect(await store.getRun(second.id)).toMatchObject({
      status: 'running',
    });
    expect(await store.getFigures(second.id)).toBeUndefined();
    expect(await resultStore.listServices(second.id, {}, page)).toEqual({
      items: [],
      totalItems: 0,
    });
    expect(await resultStore.listFindings(second.id, {}, page)).toEqual({
      items: [],
      totalItems: 0,
    });
    expect(await resultStore.listTeams(second.id, page)).toEqual({
      items: [],
      totalItems: 0,
    });
    expect(await countRows(client, 'ownership_entity_results')).toBe(1);
    expect(await countRows(client, 'ownership_findings')).toBe(1);
    expect(await countRows(client, 'ownership_team_results')).toBe(1);

    await store.failRun(second.id, 'duplicate entity');

    const served = await store.getLatestSucceededRun();
    expect(served?.id).toBe(first.id);
    const listed = await resultStore.listServices(first.id, {}, page);
    expect(listed.totalItems).toBe(1);
    expect(listed.items[0]).toMatchObject({
      entityRef: 'component:default/kept',
      findings: [finding('runbook.missing')],
    });
    expect(await resultStore.getTeam(first.id, 'group:default/team-a')).toEqual(
      team('team-a'),
    );
  });

  it('stores 10,000 entities with several findings each, beyond any batch limit', async () => {
    const { client, store, resultStore } = await setup();
    const run = await store.startRun({ trigger: 'schedule' });
    const entities = Array.from({ length: 10_000 }, (_, i) =>
      entity(`svc-${i}`, {
        findings: [
          finding('runbook.missing'),
          finding('adr.missing', 'warning'),
          finding('techdebt.untriaged', 'info'),
        ],
      }),
    );
    const teams = Array.from({ length: 300 }, (_, i) => team(`team-${i}`));

    await store.completeRun(run.id, results(entities, teams));

    expect(await countRows(client, 'ownership_entity_results')).toBe(10_000);
    expect(await countRows(client, 'ownership_findings')).toBe(30_000);
    expect(await countRows(client, 'ownership_team_results')).toBe(300);

    const listed = await resultStore.listServices(
      run.id,
      { severities: ['info'] },
      page,
    );
    expect(listed.totalItems).toBe(10_000);
  });

  it('deletes result rows with their run through the foreign keys', async () => {
    const { client, store } = await setup();
    const run = await store.startRun({ trigger: 'schedule' });
    await store.completeRun(
      run.id,
      results(
        [entity('a', { findings: [finding('adr.missing')] })],
        [team('team-a')],
      ),
    );

    await client('ownership_runs').where({ id: run.id }).delete();

    for (const table of [
      'ownership_entity_results',
      'ownership_findings',
      'ownership_team_results',
    ]) {
      expect(await countRows(client, table)).toBe(0);
    }
  });

  it('lists runs newest first and finds the latest ones', async () => {
    const { clock, store } = await setup();
    expect(await store.getLatestRun()).toBeUndefined();
    expect(await store.listRuns(10)).toEqual([]);

    const first = await store.startRun({ trigger: 'schedule' });
    await store.completeRun(first.id, results([entity('a')]));
    clock.advance(60_000);
    const second = await store.startRun({ trigger: 'manual' });
    await store.failRun(second.id, 'boom');
    clock.advance(60_000);
    const third = await store.startRun({ trigger: 'schedule' });

    expect((await store.listRuns(10)).map(run => run.id)).toEqual([
      third.id,
      second.id,
      first.id,
    ]);
    expect((await store.listRuns(2)).map(run => run.id)).toEqual([
      third.id,
      second.id,
    ]);
    expect(await store.getLatestRun()).toMatchObject({ id: third.id });
    expect(await store.getRunningRun()).toMatchObject({ id: third.id });
    expect(await store.getLatestSucceededRun()).toMatchObject({
      id: first.id,
    });
  });

  it('returns the trend of successful runs, oldest first', async () => {
    const { clock, store } = await setup();
    expect(await store.listTrend()).toEqual([]);

    const first = await store.startRun({ trigger: 'schedule' });
    const firstResults = results([
      entity('a', {
        owner: { status: 'missing', members: [], contacts: [], parents: [] },
        findings: [finding('owner.missing')],
        score: 0,
        level: 0,
      }),
      entity('b'),
      entity('c', { owner: { ...entity('c').owner, status: 'individual' } }),
      entity('d'),
    ]);
    await store.completeRun(first.id, firstResults);
    clock.advance(DAY);
    const failed = await store.startRun({ trigger: 'schedule' });
    await store.failRun(failed.id, 'boom');
    clock.advance(DAY);
    const empty = await store.startRun({ trigger: 'manual' });
    await store.completeRun(empty.id, results([]));

    expect(await store.listTrend()).toEqual([
      {
        ...firstResults.figures,
        runId: first.id,
        finishedAt: '2026-11-28T10:00:00.000Z',
        validOwnerShare: 0.5,
      },
      {
        ...results([]).figures,
        runId: empty.id,
        finishedAt: '2026-11-30T10:00:00.000Z',
        validOwnerShare: 0,
      },
    ]);
    expect(firstResults.figures).toMatchObject({
      services: 4,
      validOwner: 2,
      byRule: { 'owner.missing': 1 },
      levels: [1, 0, 0, 0, 3],
    });
  });

  describe('prune', () => {
    const now = new Date('2026-11-28T12:00:00.000Z');
    const policy = { keepAllDays: 30, keepDailyDays: 400 };
    const dayStart = (daysAgo: number) =>
      Date.parse('2026-11-28T00:00:00.000Z') - daysAgo * DAY;
    const noSuccessDays = new Set([100, 101, 200]);

    it('keeps recent runs, one a day for a while, and drops the rest with their results', async () => {
      const { client, clock, store, resultStore } = await setup();
      const started: Array<{ id: number; daysAgo: number; hour: number }> = [];
      async function run(daysAgo: number, hour: number, succeed: boolean) {
        clock.set(new Date(dayStart(daysAgo) + hour * 60 * 60 * 1000));
        const { id: runId } = await store.startRun({ trigger: 'schedule' });
        started.push({ id: runId, daysAgo, hour });
        clock.advance(5 * 60 * 1000);
        if (succeed) {
          await store.completeRun(
            runId,
            results(
              [entity('svc', { findings: [finding('adr.missing')] })],
              [team('team-a')],
            ),
          );
        } else {
          await store.failRun(runId, 'boom');
        }
        return runId;
      }

      for (let daysAgo = 499; daysAgo >= 0; daysAgo -= 1) {
        const succeed = !noSuccessDays.has(daysAgo);
        await run(daysAgo, 1, succeed);
        await run(daysAgo, 9, succeed);
        if (daysAgo % 50 === 0) {
          await run(daysAgo, 11, false);
        }
      }
      // A run still marked running, started long ago (one at a time, so it
      // is recorded last).
      clock.set(new Date(dayStart(450) + 3 * 60 * 60 * 1000));
      const stale = (await store.startRun({ trigger: 'manual' })).id;
      const latest = await store.getLatestSucceededRun();
      expect(started).toHaveLength(1010);

      const deleted = await store.prune(policy, now);

      // Kept: 61 runs of the last 30 days, the 09:00 run of each of the
      // 370 - 3 days before them with a successful run, and the running run.
      expect(deleted).toBe(1011 - (61 + 367 + 1));
      const kept = new Set((await store.listRuns(2000)).map(r => r.id));
      expect(kept.size).toBe(61 + 367 + 1);
      expect(kept.has(stale)).toBe(true);
      expect(kept.has(latest!.id)).toBe(true);
      for (const { id: runId, daysAgo, hour } of started) {
        let expected: boolean;
        if (daysAgo < 30) {
          expected = true;
        } else if (daysAgo < 400) {
          expected = hour === 9 && !noSuccessDays.has(daysAgo);
        } else {
          expected = false;
        }
        expect({ runId, daysAgo, hour, kept: kept.has(runId) }).toEqual({
          runId,
          daysAgo,
          hour,
          kept: expected,
        });
      }

      // Results go with their runs: one entity, finding and team per kept
      // successful run, and none without a run.
      const keptSucceeded = 60 + 367;
      for (const table of [
        'ownership_entity_results',
        'ownership_findings',
        'ownership_team_results',
      ]) {
        expect(await countRows(client, table)).toBe(keptSucceeded);
        const orphans = await client(table)
          .whereNotIn('run_id', client('ownership_runs').select('id'))
          .count({ count: '*' });
        expect(Number(orphans[0].count)).toBe(0);
      }
      expect(
        (await resultStore.getHistory('component:default/svc')).length,
      ).toBe(keptSucceeded);

      expect(await store.prune(policy, now)).toBe(0);
    });

    it('deletes a few runs per transaction', async () => {
      const { client, clock, store } = await setup();
      for (let daysAgo = 40; daysAgo > 28; daysAgo--) {
        clock.set(new Date(dayStart(daysAgo)));
        const run = await store.startRun({ trigger: 'schedule' });
        await store.completeRun(run.id, results([entity('svc')]));
      }
      const statements: string[] = [];
      client.on('query', (query: { sql: string }) =>
        statements.push(query.sql),
      );

      // 12 runs; the newest, 29 days old, is kept: 11 go, 5 at a time.
      expect(
        await store.prune({ keepAllDays: 30, keepDailyDays: 30 }, now),
      ).toBe(11);

      const commits = statements.filter(sql => /^commit/i.test(sql));
      expect(commits).toHaveLength(Math.ceil(11 / PRUNE_BATCH_RUNS));
      expect(commits.length).toBeGreaterThan(1);
      expect(await store.listRuns(20)).toHaveLength(1);
      expect(await countRows(client, 'ownership_entity_results')).toBe(1);
    });

    it('never drops the latest successful run or a running one', async () => {
      const { clock, store } = await setup();
      clock.set(new Date(dayStart(420)));
      const succeeded = await store.startRun({ trigger: 'schedule' });
      await store.completeRun(succeeded.id, results([entity('a')]));
      clock.set(new Date(dayStart(410)));
      const older = await store.startRun({ trigger: 'schedule' });
      await store.failRun(older.id, 'boom');
      clock.set(new Date(dayStart(40)));
      const failed = await store.startRun({ trigger: 'schedule' });
      await store.failRun(failed.id, 'boom');
      clock.set(new Date(dayStart(450)));
      const running = await store.startRun({ trigger: 'schedule' });

      expect(await store.prune(policy, now)).toBe(2);

      expect((await store.listRuns(10)).map(r => r.id)).toEqual([
        succeeded.id,
        running.id,
      ]);
      expect(await store.getLatestSucceededRun()).toMatchObject({
        id: succeeded.id,
      });
    });
  });

  it('migrates down and up again cleanly', async () => {
    const { client } = await setup();
    const tables = [
      'ownership_runs',
      'ownership_entity_results',
      'ownership_findings',
      'ownership_team_results',
    ];

    await rollbackMigrations(client);
    for (const table of tables) {
      expect(await client.schema.hasTable(table)).toBe(false);
    }
    await applyMigrations({ getClient: async () => client }, client);
    for (const table of tables) {
      expect(await client.schema.hasTable(table)).toBe(true);
    }
    expect(await client.schema.hasColumn('ownership_runs', 'figures')).toBe(
      true,
    );
    expect(
      await client.schema.hasColumn('ownership_runs', 'heartbeat_at'),
    ).toBe(true);
  });

  it('keeps the newest of several running runs of an older database, marking the others abandoned', async () => {
    const { client, store } = await setup();
    await rollbackMigrations(client);
    await migrateUpTo(client, CLAIM_MIGRATION);
    const row = (status: string, startedAt: string) => ({
      status,
      trigger: 'schedule',
      started_at: new Date(startedAt),
      processed: 0,
    });
    await client('ownership_runs').insert([
      row('running', '2026-11-28T08:00:00.000Z'),
      row('succeeded', '2026-11-28T08:30:00.000Z'),
      row('running', '2026-11-28T09:00:00.000Z'),
      row('running', '2026-11-28T08:45:00.000Z'),
    ]);

    await applyMigrations({ getClient: async () => client }, client);

    const runs = await store.listRuns(10);
    expect(runs.map(r => [r.startedAt, r.status])).toEqual([
      ['2026-11-28T09:00:00.000Z', 'running'],
      ['2026-11-28T08:45:00.000Z', 'failed'],
      ['2026-11-28T08:30:00.000Z', 'succeeded'],
      ['2026-11-28T08:00:00.000Z', 'failed'],
    ]);
    expect(runs[1].error).toMatch(/^Abandoned: another run was started/);
    // The kept run's heartbeat starts at its start: it is stale at once.
    const [abandoned] = await store.abandonStaleRuns(
      new Date('2026-11-28T09:00:01.000Z'),
      'Abandoned',
    );
    expect(abandoned).toMatchObject({ startedAt: '2026-11-28T09:00:00.000Z' });
  });
});
