import type { DatabaseService } from '@backstage/backend-plugin-api';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import type { Knex } from 'knex';

const migrationsDir = resolvePackagePath(
  '@ownership-portal/plugin-ownership-backend',
  'migrations',
);

/** Brings the plugin's tables up to date unless the deployment manages migrations itself. */
export async function applyMigrations(
  database: DatabaseService,
  client: Knex,
): Promise<void> {
  if (database.migrations?.skip) {
    return;
  }
  await client.migrate.latest({ directory: migrationsDir });
}

/** For tests: undoes every migration. */
export async function rollbackMigrations(client: Knex): Promise<void> {
  await client.migrate.rollback({ directory: migrationsDir }, true);
}
