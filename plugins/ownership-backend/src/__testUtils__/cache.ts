import { mockServices } from '@backstage/backend-test-utils';
import { durationToMilliseconds, type JsonValue } from '@backstage/types';

/**
 * An in-memory `CacheService` for tests: `mockServices.cache.mock()`, so
 * every call is recorded, whose methods keep values in `store` (as JSON, as
 * a shared cache would) and honour TTLs by `clock`, which a test may move on.
 */
export function memoryCache(clock: () => number = Date.now) {
  const store = new Map<string, JsonValue>();
  const expiresAt = new Map<string, number>();
  const cache = mockServices.cache.mock({
    async get(key) {
      return (expiresAt.get(key) ?? Infinity) > clock()
        ? (store.get(key) as never)
        : undefined;
    },
    async set(key, value, options) {
      const ttl = options?.ttl;
      store.set(key, JSON.parse(JSON.stringify(value)));
      expiresAt.set(
        key,
        ttl === undefined
          ? Infinity
          : clock() +
              (typeof ttl === 'number' ? ttl : durationToMilliseconds(ttl)),
      );
    },
    async delete(key) {
      store.delete(key);
      expiresAt.delete(key);
    },
    withOptions: () => cache,
  });
  return Object.assign(cache, { store });
}
