import type {
  CacheService,
  LoggerService,
} from '@backstage/backend-plugin-api';

/**
 * A value remembered from the last call that succeeded, with when it was
 * read.
 *
 * @public
 */
export interface LastGood<T> {
  value: T;
  /** When the value was read, ISO-8601. */
  readAt: string;
}

/**
 * Remembers the last good answer of a remote system per key, apart from any
 * short-lived cache of fresh answers, so that a transient failure (see
 * `isTransientFailure`) can serve it marked stale instead of raising a
 * false finding. Cache failures are logged, never thrown: losing a last
 * good answer only means the next outage reads as unknown.
 *
 * @public
 */
export interface LastGoodCache<T> {
  /** Stores `value` as read at `readAt` (default now). */
  remember(key: string, value: T, readAt?: Date): Promise<void>;
  /** The last good value of `key`, if one is kept. */
  recall(key: string): Promise<LastGood<T> | undefined>;
}

/** Seven days, as the last known on-call answers. */
const DEFAULT_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * Builds a {@link LastGoodCache} on the CacheService, under
 * `<prefix>:last:<key>`, kept `ttlMs` (default 7 days). Keep the prefix
 * apart from the fresh cache's keys, so that neither evicts the other.
 *
 * @public
 */
export function createLastGoodCache<T>(options: {
  cache: CacheService;
  prefix: string;
  ttlMs?: number;
  logger?: LoggerService;
  now?: () => Date;
}): LastGoodCache<T> {
  const { cache, prefix, logger } = options;
  const ttl = options.ttlMs ?? DEFAULT_TTL_MS;
  const now = options.now ?? (() => new Date());
  const keyOf = (key: string) => `${prefix}:last:${key}`;
  return {
    async remember(key, value, readAt = now()) {
      const entry: LastGood<T> = { value, readAt: readAt.toISOString() };
      try {
        await cache.set(keyOf(key), entry as never, { ttl });
      } catch (error) {
        logger?.warn(
          `Cannot keep the last good answer of ${prefix} ${key}: ${messageOf(
            error,
          )}`,
        );
      }
    },
    async recall(key) {
      try {
        const entry = (await cache.get(keyOf(key))) as LastGood<T> | undefined;
        return entry && typeof entry.readAt === 'string' && 'value' in entry
          ? entry
          : undefined;
      } catch (error) {
        logger?.warn(
          `Cannot read the last good answer of ${prefix} ${key}: ${messageOf(
            error,
          )}`,
        );
        return undefined;
      }
    },
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
