import { createLastGoodCache } from './lastGood';

function memoryCache(options: { failing?: boolean } = {}) {
  const store = new Map<string, { value: unknown; ttl?: number }>();
  return {
    store,
    cache: {
      async get(key: string) {
        if (options.failing) {
          throw new Error('cache down');
        }
        return store.get(key)?.value as never;
      },
      async set(key: string, value: unknown, opts?: { ttl?: number }) {
        if (options.failing) {
          throw new Error('cache down');
        }
        store.set(key, { value, ttl: opts?.ttl });
      },
      async delete(key: string) {
        store.delete(key);
      },
      withOptions() {
        return this;
      },
    },
  };
}

describe('createLastGoodCache', () => {
  it('remembers the last good value with when it was read, under its own prefix and TTL', async () => {
    const { cache, store } = memoryCache();
    const readAt = new Date('2026-12-01T10:00:00Z');
    const last = createLastGoodCache<string[]>({
      cache: cache as never,
      prefix: 'techdebt:source',
      ttlMs: 1000,
      now: () => readAt,
    });
    expect(await last.recall('github:x')).toBeUndefined();
    await last.remember('github:x', ['a']);
    expect(await last.recall('github:x')).toEqual({
      value: ['a'],
      readAt: '2026-12-01T10:00:00.000Z',
    });
    expect([...store.entries()]).toEqual([
      [
        'techdebt:source:last:github:x',
        {
          value: { value: ['a'], readAt: '2026-12-01T10:00:00.000Z' },
          ttl: 1000,
        },
      ],
    ]);
  });

  it('logs cache failures instead of throwing', async () => {
    const { cache } = memoryCache({ failing: true });
    const logger = { warn: jest.fn() };
    const last = createLastGoodCache<string>({
      cache: cache as never,
      prefix: 'docs:file',
      logger: logger as never,
    });
    await expect(last.remember('u', 'x')).resolves.toBeUndefined();
    await expect(last.recall('u')).resolves.toBeUndefined();
    expect(logger.warn).toHaveBeenCalledWith(
      'Cannot keep the last good answer of docs:file u: cache down',
    );
    expect(logger.warn).toHaveBeenCalledWith(
      'Cannot read the last good answer of docs:file u: cache down',
    );
  });

  it('ignores entries of another shape', async () => {
    const { cache, store } = memoryCache();
    store.set('docs:file:last:u', { value: 'not an entry' });
    const last = createLastGoodCache<string>({
      cache: cache as never,
      prefix: 'docs:file',
    });
    expect(await last.recall('u')).toBeUndefined();
  });
});
