import type {
  LoggerService,
  RootLifecycleService,
} from '@backstage/backend-plugin-api';
import type { Knex } from 'knex';

const CLOSE_TIMEOUT_MS = 5_000;

/**
 * Closes the plugin's database client once the backend has stopped.
 *
 * The database manager of `@backstage/backend-defaults` 0.19 never destroys
 * plugin clients at shutdown (its check for SQLite throws, and it skips
 * SQLite anyway), so after the plugin's first query the pool's reaper
 * interval, and on PostgreSQL its sockets, keep a stopped backend's process
 * alive. The hook runs with the root lifecycle, after every plugin (and the
 * plugin's scheduler) has stopped using the client.
 */
export function closeOnShutdown(options: {
  client: Knex;
  rootLifecycle: RootLifecycleService;
  logger: LoggerService;
}) {
  const { client, rootLifecycle, logger } = options;
  rootLifecycle.addShutdownHook(async () => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      await Promise.race([
        client.destroy(),
        new Promise((_, reject) => {
          timer = setTimeout(
            () => reject(new Error(`no answer within ${CLOSE_TIMEOUT_MS} ms`)),
            CLOSE_TIMEOUT_MS,
          );
          timer.unref?.();
        }),
      ]);
    } catch (error) {
      logger.warn(`Could not close the ownership database client: ${error}`);
    } finally {
      clearTimeout(timer);
    }
  });
}
