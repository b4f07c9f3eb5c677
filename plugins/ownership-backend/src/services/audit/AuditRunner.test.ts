import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { DEFAULT_PLACEHOLDERS } from '../../config/owners';
import { DEFAULT_RETENTION } from '../../config/retention';
import { DEFAULT_SCOPE } from '../../config/scope';
import {
  applyMigrations,
  DatabaseResultStore,
  DatabaseRunStore,
} from '../../database';
import { builtInRules } from '../../rules';
import { exampleCatalog } from '../../__testUtils__/entities';
import type { OnCallProvider } from '@ownership-portal/plugin-ownership-node';
import { OnCallService } from '../../oncall/OnCallService';
import { UserDirectory } from '../../oncall/UserDirectory';
import { CatalogReader } from '../ingest/CatalogReader';
import { RuleRegistry } from '../RuleRegistry';
import { AuditRunner, RunInProgressError } from './AuditRunner';
import { RuleEngine } from './RuleEngine';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

async function setup(
  entities: () => Entity[],
  now = () => new Date(),
  providers: OnCallProvider[] = [],
) {
  const client = await databases.init('SQLITE_3');
  await applyMigrations({ getClient: async () => client }, client);
  const catalog = catalogServiceMock.mock({
    streamEntities: jest.fn(async function* stream(request) {
      const kinds = ((request?.filter as { kind: string[] }).kind ?? []).map(
        k => k.toLocaleLowerCase('en-US'),
      );
      yield entities().filter(e =>
        kinds.includes(e.kind.toLocaleLowerCase('en-US')),
      );
    }),
  });
  const runs = DatabaseRunStore.create({ client });
  const logger = mockServices.logger.mock();
  const users = UserDirectory.create({
    catalog,
    auth: mockServices.auth(),
    logger,
  });
  const runner = AuditRunner.create({
    reader: CatalogReader.create({ catalog, scope: DEFAULT_SCOPE }),
    engine: RuleEngine.create({
      rules: RuleRegistry.create({ rules: builtInRules }),
      config: new ConfigReader({}),
      logger,
    }),
    runs,
    auth: mockServices.auth(),
    logger,
    scope: DEFAULT_SCOPE,
    owners: { placeholders: new Set(DEFAULT_PLACEHOLDERS) },
    retention: DEFAULT_RETENTION,
    oncall: {
      service: OnCallService.create({
        providers,
        cache: mockServices.cache.mock(),
        users,
        logger,
      }),
      users,
    },
    now,
  });
  return {
    runner,
    runs,
    results: DatabaseResultStore.create({ client }),
    catalog,
  };
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
});
