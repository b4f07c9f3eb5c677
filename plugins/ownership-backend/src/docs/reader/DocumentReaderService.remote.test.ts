import { Readable } from 'node:stream';
import type {
  UrlReaderServiceReadTreeOptions,
  UrlReaderServiceReadUrlOptions,
} from '@backstage/backend-plugin-api';
import { UrlReaders } from '@backstage/backend-defaults/urlReader';
import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { InputError, NotFoundError, NotModifiedError } from '@backstage/errors';
import { DocumentReaderService } from './DocumentReaderService';
import { memoryCache } from '../../__testUtils__/cache';
import { deferred } from './__testUtils__/fakes';

const MiB = 1024 * 1024;
const RUNBOOK = 'https://docs.example.com/payments/runbook.md';

function textResponse(text: string | Buffer, etag?: string, date?: Date) {
  const buffer = Buffer.isBuffer(text) ? text : Buffer.from(text);
  return {
    buffer: async () => buffer,
    ...(etag ? { etag } : {}),
    ...(date ? { lastModifiedAt: date } : {}),
  };
}

function treeFile(path: string, content: string | Buffer) {
  const buffer = Buffer.isBuffer(content) ? content : Buffer.from(content);
  return { path, content: jest.fn(async () => buffer), size: buffer.length };
}

/** A readTree that applies the filter as the real tree readers do. */
function fakeTree(files: ReturnType<typeof treeFile>[]) {
  return async (_url: string, options?: UrlReaderServiceReadTreeOptions) => ({
    etag: 'tree-1',
    archive: async () => Readable.from([]),
    dir: async () => '/tmp/none',
    files: async () =>
      files.filter(
        file =>
          !options?.filter || options.filter(file.path, { size: file.size }),
      ),
  });
}

describe('DocumentReaderService with remote locations', () => {
  function setup(docs: object = {}) {
    const urlReader = mockServices.urlReader.mock();
    const time = { now: Date.parse('2026-12-01T12:00:00Z') };
    const clock = () => time.now;
    const cache = memoryCache(clock);
    const reader = DocumentReaderService.create({
      config: new ConfigReader({ ownership: { docs } }),
      urlReader,
      cache,
      logger: mockServices.logger.mock(),
      resilience: { initialDelayMs: 1, maxDelayMs: 2, random: () => 0 },
      clock,
    });
    /** Moves the clock past the default freshness window of 5 minutes. */
    const pastFreshness = () => {
      time.now += 5 * 60_000 + 1;
    };
    return { urlReader, cache, reader, time, pastFreshness };
  }

  it('reads through the UrlReader, then sends the cached ETag and serves the cache when unchanged', async () => {
    const { urlReader, cache, reader, time, pastFreshness } = setup();
    const date = new Date('2026-10-01T08:00:00Z');
    urlReader.readUrl
      .mockResolvedValueOnce(textResponse('# Runbook v1', 'etag-1', date))
      .mockRejectedValueOnce(new NotModifiedError())
      .mockResolvedValueOnce(textResponse('# Runbook v2', 'etag-2'));

    await expect(reader.readFile(RUNBOOK)).resolves.toEqual({
      status: 'ok',
      url: RUNBOOK,
      text: '# Runbook v1',
      lastModified: date,
    });
    expect(urlReader.readUrl).toHaveBeenLastCalledWith(RUNBOOK, {
      etag: undefined,
      signal: expect.anything(),
    });
    expect(cache.set).toHaveBeenCalledWith(
      expect.stringContaining(RUNBOOK),
      {
        etag: 'etag-1',
        text: '# Runbook v1',
        lastModified: date.toISOString(),
        checkedAt: time.now,
      },
      { ttl: 600000 },
    );

    pastFreshness();
    await expect(reader.readFile(RUNBOOK)).resolves.toEqual({
      status: 'ok',
      url: RUNBOOK,
      text: '# Runbook v1',
      lastModified: date,
    });
    expect(urlReader.readUrl).toHaveBeenLastCalledWith(
      RUNBOOK,
      expect.objectContaining({ etag: 'etag-1' }),
    );

    pastFreshness();
    await expect(reader.readFile(RUNBOOK)).resolves.toMatchObject({
      text: '# Runbook v2',
    });
    expect(urlReader.readUrl).toHaveBeenLastCalledWith(
      RUNBOOK,
      expect.objectContaining({ etag: 'etag-1' }),
    );
    expect(urlReader.readUrl).toHaveBeenCalledTimes(3);
    expect(cache.store.get(`docs:file:${RUNBOOK}`)).toEqual({
      etag: 'etag-2',
      text: '# Runbook v2',
      checkedAt: time.now,
    });
    // The last good read is kept apart, for a long time.
    expect(cache.store.get(`docs:file:last:${RUNBOOK}`)).toEqual({
      value: { text: '# Runbook v2' },
      readAt: expect.any(String),
    });
    expect(cache.set).toHaveBeenLastCalledWith(
      `docs:file:${RUNBOOK}`,
      expect.anything(),
      { ttl: 600000 },
    );
    expect(cache.set).toHaveBeenCalledWith(
      `docs:file:last:${RUNBOOK}`,
      expect.anything(),
      { ttl: 30 * 24 * 60 * 60 * 1000 },
    );
  });

  it('uses the configured cache TTL', async () => {
    const { urlReader, cache, reader } = setup({ cacheTtl: { minutes: 2 } });
    urlReader.readUrl.mockResolvedValue(textResponse('x', 'e'));
    await reader.readFile(RUNBOOK);
    expect(cache.set).toHaveBeenCalledWith(
      expect.any(String),
      expect.anything(),
      {
        ttl: 120000,
      },
    );
  });

  it('reports 404 as unreachable, without retrying', async () => {
    const { urlReader, reader } = setup();
    urlReader.readUrl.mockRejectedValue(new NotFoundError('gone'));
    await expect(reader.readFile(RUNBOOK)).resolves.toEqual({
      status: 'unreachable',
      url: RUNBOOK,
      reason: '404 not found',
    });
    expect(urlReader.readUrl).toHaveBeenCalledTimes(1);
  });

  it('reuses a read for ownership.docs.freshFor without asking, then revalidates it with its ETag', async () => {
    const { urlReader, reader, time } = setup({ freshFor: { minutes: 2 } });
    urlReader.readUrl
      .mockResolvedValueOnce(textResponse('# Runbook', 'etag-1'))
      .mockRejectedValueOnce(new NotModifiedError());
    const read = { status: 'ok', url: RUNBOOK, text: '# Runbook' };
    await expect(reader.readFile(RUNBOOK)).resolves.toEqual(read);

    time.now += 2 * 60_000 - 1;
    await expect(reader.readFile(RUNBOOK)).resolves.toEqual(read);
    expect(urlReader.readUrl).toHaveBeenCalledTimes(1);

    time.now += 1;
    await expect(reader.readFile(RUNBOOK)).resolves.toEqual(read);
    expect(urlReader.readUrl).toHaveBeenCalledTimes(2);
    expect(urlReader.readUrl).toHaveBeenLastCalledWith(
      RUNBOOK,
      expect.objectContaining({ etag: 'etag-1' }),
    );
    // The host's 304 starts a new window.
    await expect(reader.readFile(RUNBOOK)).resolves.toEqual(read);
    expect(urlReader.readUrl).toHaveBeenCalledTimes(2);
  });

  it('remembers a 404 or a 410 for the freshness window, and no longer', async () => {
    const { urlReader, reader, pastFreshness } = setup();
    urlReader.readUrl
      .mockRejectedValueOnce(new NotFoundError('gone'))
      .mockRejectedValueOnce(new Error(`could not read ${RUNBOOK}, 410 Gone`))
      .mockResolvedValueOnce(textResponse('# Back again', 'etag-1'));
    const notFound = {
      status: 'unreachable',
      url: RUNBOOK,
      reason: '404 not found',
    };
    await expect(reader.readFile(RUNBOOK)).resolves.toEqual(notFound);
    await expect(reader.readFile(RUNBOOK)).resolves.toEqual(notFound);
    expect(urlReader.readUrl).toHaveBeenCalledTimes(1);

    pastFreshness();
    const gone = {
      status: 'unreachable',
      url: RUNBOOK,
      reason: `could not read ${RUNBOOK}, 410 Gone`,
    };
    await expect(reader.readFile(RUNBOOK)).resolves.toEqual(gone);
    await expect(reader.readFile(RUNBOOK)).resolves.toEqual(gone);
    expect(urlReader.readUrl).toHaveBeenCalledTimes(2);

    pastFreshness();
    await expect(reader.readFile(RUNBOOK)).resolves.toMatchObject({
      status: 'ok',
      text: '# Back again',
    });
    expect(urlReader.readUrl).toHaveBeenCalledTimes(3);
  });

  it('asks again for a 404 when freshFor is 0', async () => {
    const { urlReader, reader } = setup({ freshFor: { seconds: 0 } });
    urlReader.readUrl.mockRejectedValue(new NotFoundError('gone'));
    await reader.readFile(RUNBOOK);
    await reader.readFile(RUNBOOK);
    expect(urlReader.readUrl).toHaveBeenCalledTimes(2);
  });

  it.each([
    [
      'a 503',
      () => new Error(`could not read ${RUNBOOK}, 503 Service Unavailable`),
    ],
    [
      'a dropped connection',
      () => new Error(`Unable to read ${RUNBOOK}, TypeError: fetch failed`),
    ],
    ['a 403', () => new Error(`could not read ${RUNBOOK}, 403 Forbidden`)],
  ])(
    'never remembers %s as the document being absent',
    async (_name, failure) => {
      const { urlReader, reader } = setup({ maxAttempts: 1 });
      urlReader.readUrl
        .mockRejectedValueOnce(failure())
        .mockResolvedValueOnce(textResponse('# Runbook', 'etag-1'));
      await expect(reader.readFile(RUNBOOK)).resolves.toMatchObject({
        status: expect.stringMatching(/^(unknown|unreachable)$/),
      });
      await expect(reader.readFile(RUNBOOK)).resolves.toMatchObject({
        status: 'ok',
        text: '# Runbook',
      });
      expect(urlReader.readUrl).toHaveBeenCalledTimes(2);
    },
  );

  it('reuses a folder read for the freshness window, then revalidates it with its ETag', async () => {
    const { urlReader, reader, pastFreshness } = setup();
    const folder = 'https://docs.example.com/payments/adr/';
    urlReader.readTree
      .mockImplementationOnce(
        fakeTree([treeFile('0001-a.md', '# A\n')]) as never,
      )
      .mockRejectedValueOnce(new NotModifiedError())
      .mockImplementationOnce(
        fakeTree([
          treeFile('0001-a.md', '# A\n'),
          treeFile('0002-b.md', '# B\n'),
        ]) as never,
      );
    const first = await reader.readFolder(folder, ['.md']);
    expect(first).toEqual({
      status: 'ok',
      url: folder,
      files: [{ url: `${folder}0001-a.md`, text: '# A\n' }],
      skipped: [],
    });
    await expect(reader.readFolder(folder, ['.md'])).resolves.toEqual(first);
    expect(urlReader.readTree).toHaveBeenCalledTimes(1);

    pastFreshness();
    await expect(reader.readFolder(folder, ['.md'])).resolves.toEqual(first);
    expect(urlReader.readTree).toHaveBeenCalledTimes(2);
    expect(urlReader.readTree).toHaveBeenLastCalledWith(
      folder,
      expect.objectContaining({ etag: 'tree-1' }),
    );

    pastFreshness();
    const changed = await reader.readFolder(folder, ['.md']);
    expect(changed).toMatchObject({
      status: 'ok',
      files: [{ text: '# A\n' }, { text: '# B\n' }],
    });
    expect(urlReader.readTree).toHaveBeenCalledTimes(3);
  });

  it('remembers a missing folder for the freshness window', async () => {
    const { urlReader, reader, pastFreshness } = setup();
    const folder = 'https://docs.example.com/payments/adr/';
    urlReader.readTree.mockRejectedValue(new NotFoundError('gone'));
    await reader.readFolder(folder, ['.md']);
    await expect(reader.readFolder(folder, ['.md'])).resolves.toEqual({
      status: 'unreachable',
      url: folder,
      reason: '404 not found',
    });
    expect(urlReader.readTree).toHaveBeenCalledTimes(1);
    pastFreshness();
    await reader.readFolder(folder, ['.md']);
    expect(urlReader.readTree).toHaveBeenCalledTimes(2);
  });

  it('retries transient failures, then says the document is unknown when it was never read', async () => {
    const { urlReader, reader } = setup();
    urlReader.readUrl.mockRejectedValue(
      new Error(`could not read ${RUNBOOK}, 502 Bad Gateway`),
    );
    await expect(reader.readFile(RUNBOOK)).resolves.toEqual({
      status: 'unknown',
      url: RUNBOOK,
      reason: `could not read ${RUNBOOK}, 502 Bad Gateway`,
    });
    expect(urlReader.readUrl).toHaveBeenCalledTimes(3);

    urlReader.readUrl.mockClear();
    urlReader.readUrl.mockRejectedValue(new InputError('bad url'));
    await expect(reader.readFile(RUNBOOK)).resolves.toMatchObject({
      status: 'unreachable',
      reason: 'bad url',
    });
    expect(urlReader.readUrl).toHaveBeenCalledTimes(1);
  });

  it('times a slow read out, naming the host', async () => {
    const urlReader = mockServices.urlReader.mock();
    urlReader.readUrl.mockImplementation(() => new Promise(() => {}));
    const reader = DocumentReaderService.create({
      config: new ConfigReader({}),
      urlReader,
      cache: memoryCache(),
      resilience: { timeoutMs: 20, maxAttempts: 1 },
    });
    await expect(reader.readFile(RUNBOOK)).resolves.toEqual({
      status: 'unknown',
      url: RUNBOOK,
      reason: 'Documents at docs.example.com did not answer within 20 ms',
    });
  });

  it.each([
    [
      'a 503',
      () => new Error(`could not read ${RUNBOOK}, 503 Service Unavailable`),
    ],
    [
      'a 429',
      () => new Error(`could not read ${RUNBOOK}, 429 Too Many Requests`),
    ],
    [
      "GitHub's rate limit",
      () =>
        new Error(
          `Request failed for ${RUNBOOK}, 403 Forbidden (rate limit exceeded)`,
        ),
    ],
    [
      'a reset connection',
      () => new Error(`Unable to read ${RUNBOOK}, TypeError: fetch failed`),
    ],
  ])(
    'serves the last good read marked stale after %s, with the reason',
    async (_name, failure) => {
      const { urlReader, reader } = setup();
      const date = new Date('2026-10-01T08:00:00Z');
      urlReader.readUrl.mockResolvedValueOnce(
        textResponse('# Runbook', undefined, date),
      );
      await expect(reader.readFile(RUNBOOK)).resolves.toMatchObject({
        status: 'ok',
      });
      urlReader.readUrl.mockRejectedValue(failure());
      const stale = await reader.readFile(RUNBOOK);
      expect(stale).toEqual({
        status: 'ok',
        url: RUNBOOK,
        text: '# Runbook',
        lastModified: date,
        stale: { reason: failure().message, readAt: expect.any(String) },
      });
      expect(urlReader.readUrl).toHaveBeenCalledTimes(4);
    },
  );

  it.each([
    ['410', `could not read ${RUNBOOK}, 410 Gone`],
    ['401', `could not read ${RUNBOOK}, 401 Unauthorized`],
    ['403', `could not read ${RUNBOOK}, 403 Forbidden`],
  ])(
    'takes %s as a definite answer: unreachable, not retried, no stale copy',
    async (_status, message) => {
      const { urlReader, reader } = setup();
      urlReader.readUrl.mockResolvedValueOnce(textResponse('# Runbook'));
      await reader.readFile(RUNBOOK);
      urlReader.readUrl.mockRejectedValue(new Error(message));
      await expect(reader.readFile(RUNBOOK)).resolves.toEqual({
        status: 'unreachable',
        url: RUNBOOK,
        reason: message,
      });
      expect(urlReader.readUrl).toHaveBeenCalledTimes(2);
    },
  );

  it('serves the last good folder marked stale while its host fails, and says unknown for one never read', async () => {
    const logger = mockServices.logger.mock();
    const urlReader = mockServices.urlReader.mock();
    const reader = DocumentReaderService.create({
      // Every read asks the host: this test is about its failures.
      config: new ConfigReader({
        ownership: { docs: { freshFor: { seconds: 0 } } },
      }),
      urlReader,
      cache: memoryCache(),
      logger,
      resilience: {
        initialDelayMs: 1,
        maxAttempts: 1,
        breakerThreshold: 2,
        halfOpenAfterMs: 60_000,
      },
    });
    const folder = 'https://docs.example.com/payments/adr/';
    urlReader.readTree.mockImplementationOnce(
      fakeTree([treeFile('0001-a.md', '# A\n\nStatus: accepted\n')]) as never,
    );
    const fresh = await reader.readFolder(folder, ['.md']);
    expect(fresh).toMatchObject({
      status: 'ok',
      files: [{ text: expect.any(String) }],
    });
    expect(fresh).not.toHaveProperty('stale');

    urlReader.readTree.mockRejectedValue(
      new Error(
        `Failed to read tree from ${folder}, 500 Internal Server Error`,
      ),
    );
    for (let i = 0; i < 3; i++) {
      await expect(reader.readFolder(folder, ['.md'])).resolves.toMatchObject({
        status: 'ok',
        files: [{ url: `${folder}0001-a.md` }],
        stale: { reason: expect.any(String), readAt: expect.any(String) },
      });
    }
    // Two failures opened the breaker: the third was not even sent.
    expect(urlReader.readTree).toHaveBeenCalledTimes(3);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining(
        'Documents at docs.example.com circuit breaker open',
      ),
      { remote: 'Documents at docs.example.com', breaker: 'open' },
    );
    await expect(
      reader.readFolder('https://docs.example.com/other/adr/', ['.md']),
    ).resolves.toEqual({
      status: 'unknown',
      url: 'https://docs.example.com/other/adr/',
      reason: expect.stringContaining('circuit breaker'),
    });
  });

  it('classifies hosts without a reader or outside backend.reading.allow as not configured, with the real UrlReader', async () => {
    const logger = mockServices.logger.mock();
    const reader = DocumentReaderService.create({
      config: new ConfigReader({ backend: { reading: { allow: [] } } }),
      urlReader: UrlReaders.default({
        config: new ConfigReader({ backend: { reading: { allow: [] } } }),
        logger,
      }),
      cache: memoryCache(),
    });
    await expect(reader.readFile(RUNBOOK)).resolves.toEqual({
      status: 'not-configured',
      url: RUNBOOK,
      reason: `Reading from '${RUNBOOK}' is not allowed. You may need to configure an integration for the target host, or add it to the configured list of allowed hosts at 'backend.reading.allow'`,
    });
    await expect(
      reader.readFolder('https://docs.example.com/payments/adr/', ['.md']),
    ).resolves.toMatchObject({
      status: 'not-configured',
      reason: expect.stringContaining('is not allowed'),
    });

    // An allowed plain host has no reader that can read folders.
    const allowed = new ConfigReader({
      backend: { reading: { allow: [{ host: 'docs.example.com' }] } },
    });
    const allowedReader = DocumentReaderService.create({
      config: allowed,
      urlReader: UrlReaders.default({ config: allowed, logger }),
      cache: memoryCache(),
    });
    await expect(
      allowedReader.readFolder('https://docs.example.com/payments/adr/', [
        '.md',
      ]),
    ).resolves.toMatchObject({
      status: 'not-configured',
      reason: expect.stringContaining(
        'no integration that can read folders is configured',
      ),
    });
  });

  it('classifies a redirect refused by backend.reading.allow as not configured', async () => {
    const { urlReader, reader } = setup();
    urlReader.readUrl.mockRejectedValue(
      new Error(
        'URL not allowed by backend.reading.allow configuration: https://evil.example.org/x',
      ),
    );
    await expect(reader.readFile(RUNBOOK)).resolves.toMatchObject({
      status: 'not-configured',
    });
    expect(urlReader.readUrl).toHaveBeenCalledTimes(1);
  });

  it('stops streaming a document larger than maxBytes', async () => {
    const { urlReader, reader } = setup();
    let chunksRead = 0;
    const chunk = Buffer.alloc(64 * 1024, 'a');
    urlReader.readUrl.mockResolvedValue({
      buffer: jest.fn(),
      stream: () =>
        Readable.from(
          (function* chunks() {
            for (let i = 0; i < 320; i++) {
              chunksRead += 1;
              yield chunk;
            }
          })(),
        ),
    });
    await expect(reader.readFile(RUNBOOK)).resolves.toEqual({
      status: 'unreachable',
      url: RUNBOOK,
      reason: `${RUNBOOK} is larger than ownership.docs.maxBytes (1 MB)`,
    });
    expect(chunksRead).toBeLessThan(20);
    expect(urlReader.readUrl).toHaveBeenCalledTimes(1);

    urlReader.readUrl.mockResolvedValue(textResponse(Buffer.alloc(20 * MiB)));
    await expect(reader.readFile(RUNBOOK)).resolves.toMatchObject({
      reason: `${RUNBOOK} is 20 MB, more than ownership.docs.maxBytes (1 MB)`,
    });
  });

  it('refuses binary documents', async () => {
    const { urlReader, cache, reader } = setup();
    urlReader.readUrl.mockResolvedValue(
      textResponse(Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0x01]), 'e'),
    );
    await expect(reader.readFile(RUNBOOK)).resolves.toEqual({
      status: 'unreachable',
      url: RUNBOOK,
      reason: `${RUNBOOK} is not a text file`,
    });
    expect(cache.set).not.toHaveBeenCalled();
  });

  it('reads a folder with readTree: filtered, sorted, limited, with skipped files', async () => {
    const { urlReader, reader } = setup({ maxFiles: 3 });
    const files = [
      treeFile('0003-c.md', '# c'),
      treeFile('0001-a.md', '# a'),
      treeFile('.drafts/0000.md', 'hidden'),
      treeFile('README.txt', 'other'),
      treeFile('sub/0002-b.md', '# b'),
      treeFile('0004-big.md', Buffer.alloc(2 * MiB, 'x')),
      treeFile('0005-bin.md', Buffer.from([0, 1])),
      treeFile('0006-d.md', '# d'),
      treeFile('0007-e.md', '# e'),
    ];
    urlReader.readTree.mockImplementation(fakeTree(files));
    const folder = 'https://github.com/org/repo/tree/main/docs/adr';
    const result = await reader.readFolder(folder, ['.md']);
    expect(urlReader.readTree).toHaveBeenCalledWith(folder, {
      filter: expect.any(Function),
      signal: expect.anything(),
    });
    expect(result).toEqual({
      status: 'ok',
      url: folder,
      files: [
        { url: `${folder}/0001-a.md`, text: '# a' },
        { url: `${folder}/0003-c.md`, text: '# c' },
      ],
      skipped: [
        {
          url: `${folder}/0004-big.md`,
          reason: `${folder}/0004-big.md is 2 MB, more than ownership.docs.maxBytes (1 MB)`,
        },
        {
          url: `${folder}/0006-d.md`,
          reason: 'more than ownership.docs.maxFiles (3) files',
        },
        {
          url: `${folder}/0007-e.md`,
          reason: 'more than ownership.docs.maxFiles (3) files',
        },
        {
          url: `${folder}/sub/0002-b.md`,
          reason: 'more than ownership.docs.maxFiles (3) files',
        },
        {
          url: `${folder}/0005-bin.md`,
          reason: `${folder}/0005-bin.md is not a text file`,
        },
      ],
    });
    // Files past the limit are never read.
    expect(files[7].content).not.toHaveBeenCalled();
  });

  it('names the path parameter of Azure DevOps folder URLs', async () => {
    const { urlReader, reader } = setup();
    urlReader.readTree.mockImplementation(
      fakeTree([treeFile('0001.md', '# a')]),
    );
    const folder = 'https://dev.azure.com/org/project/_git/repo?path=/docs/adr';
    await expect(reader.readFolder(folder, ['.md'])).resolves.toMatchObject({
      files: [
        {
          url: 'https://dev.azure.com/org/project/_git/repo?path=%2Fdocs%2Fadr%2F0001.md',
        },
      ],
    });
  });

  it('reports a missing remote folder as unreachable', async () => {
    const { urlReader, reader } = setup();
    urlReader.readTree.mockRejectedValue(new NotFoundError('no such tree'));
    await expect(
      reader.readFolder('https://github.com/org/repo/tree/main/nope', ['.md']),
    ).resolves.toEqual({
      status: 'unreachable',
      url: 'https://github.com/org/repo/tree/main/nope',
      reason: '404 not found',
    });
  });

  it('keeps reads within the concurrency bound, queueing the rest', async () => {
    const { urlReader, reader } = setup({ concurrency: 3 });
    let inFlight = 0;
    let most = 0;
    const gates: Array<() => void> = [];
    urlReader.readUrl.mockImplementation(
      async (url: string, _options?: UrlReaderServiceReadUrlOptions) => {
        inFlight += 1;
        most = Math.max(most, inFlight);
        const gate = deferred();
        gates.push(gate.resolve);
        await gate.promise;
        inFlight -= 1;
        return textResponse(url);
      },
    );
    urlReader.readTree.mockImplementation(async (url, options) => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      await new Promise(resolve => setTimeout(resolve, 5));
      inFlight -= 1;
      return fakeTree([treeFile('a.md', url)])(url, options);
    });

    const urls = Array.from(
      { length: 30 },
      (_, i) => `https://host-${i % 4}.example.com/doc-${i}.md`,
    );
    const reads = Promise.all([
      ...urls.map(url => reader.readFile(url)),
      reader.readFolder('https://host-0.example.com/adr', ['.md']),
    ]);
    while (gates.length < 30) {
      await new Promise(resolve => setTimeout(resolve, 1));
      expect(inFlight).toBeLessThanOrEqual(3);
      gates.splice(0).forEach(release => release());
      if (urlReader.readUrl.mock.calls.length === 30) break;
    }
    gates.splice(0).forEach(release => release());
    const results = await reads;
    expect(results.every(result => result.status === 'ok')).toBe(true);
    expect(urlReader.readUrl).toHaveBeenCalledTimes(30);
    expect(most).toBe(3);
  });

  it('never throws, even for URLs it cannot read', async () => {
    const { reader } = setup();
    await expect(reader.readFile('docs/runbook.md')).resolves.toMatchObject({
      status: 'unreachable',
      reason: expect.stringContaining('is not an absolute URL'),
    });
    await expect(
      reader.readFolder('ftp://files.example.com/adr', ['.md']),
    ).resolves.toMatchObject({
      status: 'unreachable',
      reason: expect.stringContaining('the ftp: scheme is not supported'),
    });
  });
});
