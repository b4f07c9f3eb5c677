import type {
  DatabaseService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import type { Knex } from 'knex';

const migrationsDir = resolvePackagePath(
  '@ownership-portal/plugin-ownership-backend',
  'migrations',
);

/** Attempts at migrating before giving up; the waits between them double. */
const ATTEMPTS = 5;
const FIRST_WAIT_MS = 250;

/**
 * Brings the plugin's tables up to date unless the deployment manages
 * migrations itself.
 *
 * Replicas that start together on a new database race to create knex's own
 * bookkeeping table, and the loser's `CREATE TABLE` fails; once that table
 * exists, knex's lock makes the rest safe. So a failed attempt is tried
 * again after a jittered wait, by which time the winner has migrated.
 */
export async function applyMigrations(
  database: Partial<DatabaseService>,
  client: Knex,
  options: { logger?: LoggerService; firstWaitMs?: number } = {},
): Promise<void> {
  if (database.migrations?.skip) {
    return;
  }
  const firstWaitMs = options.firstWaitMs ?? FIRST_WAIT_MS;
  for (let attempt = 1; ; attempt++) {
    try {
      await client.migrate.latest({ directory: migrationsDir });
      return;
    } catch (error) {
      if (attempt >= ATTEMPTS) {
        throw error;
      }
      const waitMs = firstWaitMs * 2 ** (attempt - 1) * (0.5 + Math.random());
      options.logger?.warn(
        `Ownership database migrations failed (attempt ${attempt} of ${ATTEMPTS}), perhaps racing another replica; trying again in ${Math.round(
          waitMs,
        )} ms: ${error}`,
      );
      await new Promise(resolve => setTimeout(resolve, waitMs));
    }
  }
}

/** For tests: undoes every migration. */
export async function rollbackMigrations(client: Knex): Promise<void> {
  await client.migrate.rollback({ directory: migrationsDir }, true);
}
