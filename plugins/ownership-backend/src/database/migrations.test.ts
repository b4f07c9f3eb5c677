import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import knexFactory, { type Knex } from 'knex';
import { applyMigrations } from './migrations';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

/** A second connection pool to the same database, as another replica has. */
function secondClient(client: Knex): Knex {
  const config = client.client.config as Knex.Config;
  // An in-memory SQLite database exists only inside its own pool.
  return config.client === 'pg' ? knexFactory(config) : client;
}

async function appliedMigrations(client: Knex): Promise<string[]> {
  const rows = await client('knex_migrations').select('name').orderBy('name');
  return rows.map(r => r.name);
}

describe.each(databases.eachSupportedId())('applyMigrations on %s', id => {
  it('migrates a new database that two replicas start on at once', async () => {
    // The race is on creating knex's own table, so it needs a new database
    // each round; three rounds make losing it all but certain.
    for (let round = 0; round < 3; round++) {
      const first = await databases.init(id);
      const second = secondClient(first);
      try {
        await Promise.all([
          applyMigrations({}, first, { firstWaitMs: 100 }),
          applyMigrations({}, second, { firstWaitMs: 100 }),
        ]);
        const names = await appliedMigrations(first);
        expect(names.length).toBeGreaterThan(0);
        expect(new Set(names).size).toBe(names.length);
        expect(await first.schema.hasTable('ownership_runs')).toBe(true);
      } finally {
        if (second !== first) {
          await second.destroy();
        }
      }
    }
  });
});

describe('applyMigrations', () => {
  it('tries again after a failed attempt and says why', async () => {
    const latest = jest
      .fn()
      .mockRejectedValueOnce(new Error('relation "knex_migrations" exists'))
      .mockResolvedValueOnce(undefined);
    const logger = mockServices.logger.mock();
    await applyMigrations({}, { migrate: { latest } } as unknown as Knex, {
      logger,
      firstWaitMs: 1,
    });
    expect(latest).toHaveBeenCalledTimes(2);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('relation "knex_migrations" exists'),
    );
  });

  it('gives up after five attempts with the last error', async () => {
    const latest = jest.fn().mockRejectedValue(new Error('disk full'));
    await expect(
      applyMigrations({}, { migrate: { latest } } as unknown as Knex, {
        firstWaitMs: 1,
      }),
    ).rejects.toThrow('disk full');
    expect(latest).toHaveBeenCalledTimes(5);
  });

  it('leaves the database alone when the deployment skips migrations', async () => {
    const latest = jest.fn();
    await applyMigrations({ migrations: { skip: true } }, {
      migrate: { latest },
    } as unknown as Knex);
    expect(latest).not.toHaveBeenCalled();
  });
});
