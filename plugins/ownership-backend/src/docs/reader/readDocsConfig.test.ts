import { ConfigReader } from '@backstage/config';
import { DEFAULT_DOCS_CONFIG, readDocsConfig } from './readDocsConfig';

const config = (docs?: object) =>
  new ConfigReader(docs === undefined ? {} : { ownership: { docs } });

describe('readDocsConfig', () => {
  it('defaults to no local roots, 1 MiB, 200 files, 8 reads, 10 minutes cached and 5 fresh', () => {
    expect(readDocsConfig(config())).toEqual({
      localRoots: [],
      maxBytes: 1048576,
      maxFiles: 200,
      concurrency: 8,
      cacheTtlMs: 600000,
      freshForMs: 300000,
      resilience: {},
    });
    expect(readDocsConfig(config({}))).toEqual({
      localRoots: [],
      ...DEFAULT_DOCS_CONFIG,
    });
  });

  it("reads the remote hosts' timeout, attempts and breaker, naming a bad key", () => {
    expect(
      readDocsConfig(
        config({
          timeoutMs: 500,
          maxAttempts: 2,
          breakerThreshold: 3,
          halfOpenAfterMs: 1000,
        }),
      ).resilience,
    ).toEqual({
      timeoutMs: 500,
      maxAttempts: 2,
      breakerThreshold: 3,
      halfOpenAfterMs: 1000,
    });
    expect(() => readDocsConfig(config({ timeoutMs: 0 }))).toThrow(
      'Invalid config at ownership.docs.timeoutMs: must be a whole number of at least 1, got 0',
    );
  });

  it('resolves relative roots against the working directory, as catalog file locations do', () => {
    expect(
      readDocsConfig(
        config({ localRoots: ['../../examples', '/srv/docs'] }),
        '/work/main/packages/backend',
      ).localRoots,
    ).toEqual(['/work/main/examples', '/srv/docs']);
  });

  it('reads limits and the cache TTL in either duration form', () => {
    expect(
      readDocsConfig(
        config({
          maxBytes: 2048,
          maxFiles: 10,
          concurrency: 2,
          cacheTtl: { minutes: 5 },
        }),
      ),
    ).toMatchObject({
      maxBytes: 2048,
      maxFiles: 10,
      concurrency: 2,
      cacheTtlMs: 300000,
    });
    expect(readDocsConfig(config({ cacheTtl: '30s' })).cacheTtlMs).toBe(30000);
  });

  it('reads the freshness window in either duration form, 0 to always ask', () => {
    expect(
      readDocsConfig(config({ freshFor: { minutes: 1 } })).freshForMs,
    ).toBe(60000);
    expect(readDocsConfig(config({ freshFor: '0s' })).freshForMs).toBe(0);
    expect(() => readDocsConfig(config({ freshFor: 'later' }))).toThrow(
      'Invalid config at ownership.docs.freshFor',
    );
    expect(() => readDocsConfig(config({ freshFor: { minutes: -1 } }))).toThrow(
      'Invalid config at ownership.docs.freshFor: the duration must not be negative',
    );
  });

  it.each([
    [{ maxBytes: 0 }, 'Invalid config at ownership.docs.maxBytes'],
    [{ maxFiles: 1.5 }, 'Invalid config at ownership.docs.maxFiles'],
    [{ concurrency: 'many' }, 'Invalid config at ownership.docs.concurrency'],
    [{ cacheTtl: 'soon' }, 'Invalid config at ownership.docs.cacheTtl'],
    [{ cacheTtl: { minutes: 0 } }, 'Invalid config at ownership.docs.cacheTtl'],
    [{ localRoots: 'examples' }, 'Invalid config at ownership.docs.localRoots'],
    [{ localRoots: [' '] }, 'Invalid config at ownership.docs.localRoots[0]'],
    [
      { localRoots: ['file:///srv'] },
      'Invalid config at ownership.docs.localRoots[0]',
    ],
  ])('names the key of %p', (docs, message) => {
    expect(() => readDocsConfig(config(docs))).toThrow(message);
  });
});
