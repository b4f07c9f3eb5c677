import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { DEFAULT_OWNER_PLACEHOLDERS } from '@ownership-portal/plugin-ownership-rules';
import { DEFAULT_RETENTION } from '../../config/retention';
import { DEFAULT_SCOPE } from '../../config/scope';
import {
  applyMigrations,
  DatabaseResultStore,
  DatabaseRunStore,
} from '../../database';
import { builtInRules } from '@ownership-portal/plugin-ownership-rules';
import { exampleCatalog } from '../../__testUtils__/entities';
import type { OnCallProvider } from '@ownership-portal/plugin-ownership-node';
import { OnCallService } from '../../oncall/OnCallService';
import { UserDirectory } from '../../oncall/UserDirectory';
import { CatalogReader } from '../ingest/CatalogReader';
import { RuleRegistry } from '../RuleRegistry';
import type { Knex } from 'knex';
import { DEFAULT_RUNS, type RunsConfig } from '../../config/runs';
import { AuditRunner, RunInProgressError } from './AuditRunner';
import { RuleEngine } from '@ownership-portal/plugin-ownership-rules';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

/** A catalog page that never comes. */
const never = () => new Promise<never>(() => {});

async function setup(
  entities: () => Entity[],
  now = () => new Date(),
  providers: OnCallProvider[] = [],
  options: {
    limits?: Partial<RunsConfig>;
    client?: Knex;
    /** Waited for before each page, e.g. a gate or a catalog that hangs. */
    beforePage?: () => Promise<void>;
  } = {},
) {
  const client = options.client ?? (await databases.init('SQLITE_3'));
  await applyMigrations({ getClient: async () => client }, client);
  const catalog = catalogServiceMock.mock({
    streamEntities: jest.fn(async function* stream(request) {
      await options.beforePage?.();
      const kinds = ((request?.filter as { kind: string[] }).kind ?? []).map(
        k => k.toLocaleLowerCase('en-US'),
      );
      yield entities().filter(e =>
        kinds.includes(e.kind.toLocaleLowerCase('en-US')),
      );
    }),
  });
  const limits = { ...DEFAULT_RUNS, ...options.limits };
  const runs = DatabaseRunStore.create({ client });
  const logger = mockServices.logger.mock();
  const users = UserDirectory.create({
    catalog,
    auth: mockServices.auth(),
    logger,
  });
  const runner = AuditRunner.create({
    reader: CatalogReader.create({
      catalog,
      scope: DEFAULT_SCOPE,
      pageTimeoutMs: limits.catalogPageTimeoutMs,
    }),
    engine: RuleEngine.create({
      rules: RuleRegistry.create({ rules: builtInRules }),
      config: new ConfigReader({}),
      logger,
    }),
    runs,
    auth: mockServices.auth(),
    logger,
    scope: DEFAULT_SCOPE,
    owners: { placeholders: new Set(DEFAULT_OWNER_PLACEHOLDERS) },
    retention: DEFAULT_RETENTION,
    oncall: OnCallService.create({
      providers,
      cache: mockServices.cache.mock(),
      users,
      logger,
    }),
    limits,
    now,
  });
  return {
    runner,
    runs,
    results: DatabaseResultStore.create({ client }),
    catalog,
    client,
    logger,
  };
}

/** A promise to hold catalog pages until `open()`. */
function gate() {
  let open = () => {};
  const opened = new Promise<void>(resolve => {
    open = resolve;
  });
  return { opened: () => opened, open };
}

describe('AuditRunner', () => {
  it('stores a complete run with progress, results, rollups and figures', async () => {
    const { runner, runs, results } = await setup(exampleCatalog);
    const completed = jest.fn();
    runner.onCompleted(completed);

    const run = await runner.runToCompletion({ trigger: 'schedule' });

    expect(run).toMatchObject({
      status: 'succeeded',
      processed: 10,
      total: 10,
    });
    expect(completed).toHaveBeenCalledWith(run);
    expect(await runs.getFigures(run.id)).toMatchObject({
      services: 10,
      validOwner: 4,
    });
    const team = await results.getTeam(run.id, 'group:default/payments');
    expect(team).toMatchObject({ serviceCount: 4, memberCount: 3 });
  });

  it('hands the Users it read to its listeners once a run succeeds', async () => {
    const { runner } = await setup(exampleCatalog);
    const usersRead = jest.fn();
    runner.onUsersRead(usersRead);

    await runner.runToCompletion({ trigger: 'schedule' });

    const users = exampleCatalog().filter(e => e.kind === 'User');
    expect(users.length).toBeGreaterThan(0);
    expect(usersRead).toHaveBeenCalledTimes(1);
    expect(
      usersRead.mock.calls[0][0].map((u: Entity) => u.metadata.name).sort(),
    ).toEqual(users.map(u => u.metadata.name).sort());
  });

  it('records progress as it goes', async () => {
    const { runner, runs } = await setup(exampleCatalog);
    const progress = jest.spyOn(runs, 'updateProgress');
    const run = await runner.runToCompletion({ trigger: 'manual' });
    const processed = progress.mock.calls.map(([, done]) => done);
    expect(processed[0]).toBe(0);
    expect(processed.at(-1)).toBe(10);
    expect(processed.length).toBeGreaterThan(5);
    expect(
      progress.mock.calls.every(
        ([id, , total]) => id === run.id && total === 10,
      ),
    ).toBe(true);
  });

  it('refuses a second run while one is going', async () => {
    const { runner } = await setup(exampleCatalog);
    const first = await runner.start({ trigger: 'manual' });
    await expect(runner.start({ trigger: 'manual' })).rejects.toBeInstanceOf(
      RunInProgressError,
    );
    await first.done;
    const second = await runner.start({ trigger: 'manual' });
    expect((await second.done).status).toBe('succeeded');
  });

  it('records a failed run and keeps serving the previous results', async () => {
    let broken = false;
    const { runner, runs, results } = await setup(() => {
      if (broken) {
        throw new Error('catalog unavailable');
      }
      return exampleCatalog();
    });
    const good = await runner.runToCompletion({ trigger: 'schedule' });
    broken = true;

    const failed = await runner.runToCompletion({ trigger: 'schedule' });

    expect(failed).toMatchObject({
      status: 'failed',
      error: 'catalog unavailable',
    });
    expect((await runs.getLatestSucceededRun())?.id).toBe(good.id);
    const page = await results.listServices(
      good.id,
      {},
      { offset: 0, limit: 100 },
    );
    expect(page.totalItems).toBe(10);
  });

  it('takes over a run abandoned by a stopped process', async () => {
    let clock = Date.now();
    const { runner, runs } = await setup(exampleCatalog, () => new Date(clock));
    const stale = await runs.startRun({ trigger: 'schedule' });
    await expect(runner.start({ trigger: 'manual' })).rejects.toBeInstanceOf(
      RunInProgressError,
    );
    clock += 2 * 60 * 60 * 1000;
    const { done } = await runner.start({ trigger: 'manual' });
    expect((await done).status).toBe('succeeded');
    expect(await runs.getRun(stale.id)).toMatchObject({
      status: 'failed',
      error: expect.stringContaining('Abandoned'),
    });
  });
  it('never takes over a live run, however long it takes, and keeps its results', async () => {
    const pages = gate();
    const client = await databases.init('SQLITE_3');
    const limits = { leaseMs: 400, heartbeatMs: 100 };
    // Two replicas on one database; the first one's catalog is slow.
    const first = await setup(exampleCatalog, undefined, [], {
      client,
      limits,
      beforePage: pages.opened,
    });
    const second = await setup(exampleCatalog, undefined, [], {
      client,
      limits,
    });
    const { run, done } = await first.runner.start({ trigger: 'schedule' });

    // Many leases later, the run still beats: the other replica must wait.
    await new Promise(resolve => setTimeout(resolve, 5 * limits.leaseMs));
    const refused = await second.runner
      .start({ trigger: 'manual' })
      .catch(error => error);
    expect(refused).toBeInstanceOf(RunInProgressError);
    expect(refused.run).toMatchObject({ id: run.id, status: 'running' });

    pages.open();
    expect(await done).toMatchObject({ id: run.id, status: 'succeeded' });
    const page = await first.results.listServices(
      run.id,
      {},
      { offset: 0, limit: 100 },
    );
    expect(page.totalItems).toBe(10);
  });

  it('takes over a run whose process stopped beating, once, on one replica', async () => {
    const client = await databases.init('SQLITE_3');
    const limits = { leaseMs: 300, heartbeatMs: 75 };
    const replicas = [];
    for (let i = 0; i < 3; i++) {
      replicas.push(
        await setup(exampleCatalog, undefined, [], { client, limits }),
      );
    }
    // A run recorded by a process that was killed: it never beats.
    const orphan = await replicas[0].runs.startRun({ trigger: 'schedule' });
    await new Promise(resolve => setTimeout(resolve, 2 * limits.leaseMs));

    const attempts = await Promise.allSettled(
      replicas.map(r => r.runner.start({ trigger: 'manual' })),
    );

    const started = attempts.flatMap(a =>
      a.status === 'fulfilled' ? [a.value] : [],
    );
    expect(started).toHaveLength(1);
    const refused = attempts.flatMap(a =>
      a.status === 'rejected' ? [a.reason] : [],
    );
    expect(refused).toHaveLength(2);
    expect(refused.every(e => e instanceof RunInProgressError)).toBe(true);
    expect((await started[0].done).status).toBe('succeeded');
    expect(await replicas[0].runs.getRun(orphan.id)).toMatchObject({
      status: 'failed',
      error: expect.stringMatching(/^Abandoned: .*no heartbeat/),
    });
  });

  it('fails a run at its deadline when the catalog never answers, and runs again next time', async () => {
    let hang = true;
    const { runner, runs } = await setup(exampleCatalog, undefined, [], {
      limits: { deadlineMs: 500, catalogPageTimeoutMs: 60_000 },
      beforePage: () => (hang ? never() : Promise.resolve()),
    });
    const started = Date.now();

    const failed = await runner.runToCompletion({ trigger: 'schedule' });

    expect(Date.now() - started).toBeLessThan(5_000);
    expect(failed).toMatchObject({
      status: 'failed',
      error: 'Deadline: the run did not finish within 500 ms',
    });
    expect(await runs.getRunningRun()).toBeUndefined();
    hang = false;
    const next = await runner.runToCompletion({ trigger: 'manual' });
    expect(next.status).toBe('succeeded');
  });

  it('fails a run when one catalog page takes longer than its timeout', async () => {
    const { runner } = await setup(exampleCatalog, undefined, [], {
      limits: { catalogPageTimeoutMs: 200 },
      beforePage: never,
    });

    const failed = await runner.runToCompletion({ trigger: 'schedule' });

    expect(failed.status).toBe('failed');
    expect(failed.error).toMatch(
      /^The catalog did not answer within 200 ms \(page 1 of .* entities\)$/,
    );
  });

  it("stops when the caller's signal aborts, e.g. the scheduler's timeout", async () => {
    const { runner, runs } = await setup(exampleCatalog, undefined, [], {
      beforePage: never,
    });
    const controller = new AbortController();
    const outcome = runner.runToCompletion(
      { trigger: 'schedule' },
      { signal: controller.signal },
    );
    await new Promise(resolve => setTimeout(resolve, 50));

    controller.abort(new Error('the task timed out'));

    expect(await outcome).toMatchObject({
      status: 'failed',
      error: 'Stopped: the task timed out',
    });
    expect(await runs.getRunningRun()).toBeUndefined();
  });

  it('marks its run failed when the backend stops, so nobody waits for the lease', async () => {
    const { runner, runs } = await setup(exampleCatalog, undefined, [], {
      beforePage: never,
    });
    const { run, done } = await runner.start({ trigger: 'manual' });

    await runner.stop();

    expect(await runs.getRun(run.id)).toMatchObject({
      status: 'failed',
      error: 'Stopped: the backend running it shut down before it finished',
    });
    expect((await done).status).toBe('failed');
  });

  it('records heartbeats while a run waits, and stops beating once it ends', async () => {
    const pages = gate();
    const { runner, runs } = await setup(exampleCatalog, undefined, [], {
      limits: { leaseMs: 200, heartbeatMs: 50 },
      beforePage: pages.opened,
    });
    const beat = jest.spyOn(runs, 'heartbeat');
    const { done } = await runner.start({ trigger: 'manual' });
    await new Promise(resolve => setTimeout(resolve, 300));
    expect(beat.mock.calls.length).toBeGreaterThanOrEqual(3);

    pages.open();
    await done;
    const after = beat.mock.calls.length;
    await new Promise(resolve => setTimeout(resolve, 200));
    expect(beat.mock.calls.length).toBe(after);
  });
});
