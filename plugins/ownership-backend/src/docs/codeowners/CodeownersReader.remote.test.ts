import { UrlReaders } from '@backstage/backend-defaults/urlReader';
import {
  mockServices,
  registerMswTestHooks,
} from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { memoryCache } from '../../__testUtils__/cache';
import { DocumentReaderService } from '../reader/DocumentReaderService';
import { CodeownersReader } from './CodeownersReader';
import { repositoryRoot } from './repositoryRoot';

const HOST = 'git.example.com';
const ROOT = `https://${HOST}/acme/payments/tree/main/`;

function documentReader(
  allow: Array<{ host: string }> = [{ host: HOST }],
  clock: () => number = Date.now,
) {
  const config = new ConfigReader({ backend: { reading: { allow } } });
  return DocumentReaderService.create({
    config,
    urlReader: UrlReaders.default({
      config,
      logger: mockServices.logger.mock(),
    }),
    cache: memoryCache(clock),
    resilience: { initialDelayMs: 1, maxDelayMs: 2, random: () => 0 },
    clock,
  });
}

describe('CodeownersReader with remote repositories', () => {
  const server = setupServer();
  registerMswTestHooks(server);
  let requested: string[];

  /** Serves the given files of the repository; everything else is a 404. */
  function repository(files: Record<string, string | number>) {
    requested = [];
    server.use(
      http.get(`https://${HOST}/*`, ({ request }) => {
        const { pathname } = new URL(request.url);
        requested.push(pathname);
        const file = files[pathname];
        if (typeof file === 'number') {
          return new HttpResponse(null, { status: file });
        }
        return file === undefined
          ? new HttpResponse('Not Found', { status: 404 })
          : new HttpResponse(file);
      }),
    );
  }

  it('reads the first file in GitHub order, with the owners of its last * line, once per repository', async () => {
    repository({
      '/acme/payments/tree/main/CODEOWNERS': [
        '# Default owners',
        '*       @acme/checkout',
        '/docs/  @acme/tech-writers',
        '*       @acme/payments @alice dev@acme.example # the team',
        '',
      ].join('\r\n'),
      '/acme/payments/tree/main/docs/CODEOWNERS': '* @acme/never-read\n',
    });
    const reader = CodeownersReader.create({ reader: documentReader() });

    const [first, second] = await Promise.all([
      reader.read(ROOT),
      reader.read(ROOT),
    ]);
    expect(first).toEqual({
      url: `${ROOT}CODEOWNERS`,
      path: 'CODEOWNERS',
      defaultOwners: ['@acme/payments', '@alice', 'dev@acme.example'],
    });
    expect(second).toBe(first);
    expect(requested).toEqual([
      '/acme/payments/tree/main/.github/CODEOWNERS',
      '/acme/payments/tree/main/CODEOWNERS',
    ]);
  });

  it('finds the root of a monorepo from a sub-folder source location', async () => {
    repository({
      '/acme/payments/tree/main/.github/CODEOWNERS': '* @acme/payments\n',
    });
    const root = repositoryRoot({
      'backstage.io/source-location': `url:${ROOT}services/api`,
    });
    expect(root).toBe(ROOT);
    await expect(
      CodeownersReader.create({ reader: documentReader() }).read(root!),
    ).resolves.toMatchObject({
      path: '.github/CODEOWNERS',
      defaultOwners: ['@acme/payments'],
    });
  });

  it('is absent when the repository has no CODEOWNERS file', async () => {
    repository({});
    await expect(
      CodeownersReader.create({ reader: documentReader() }).read(ROOT),
    ).resolves.toBeUndefined();
    expect(requested).toHaveLength(3);
  });

  it('does not ask again for a missing file in the next run within ownership.docs.freshFor, and does after it', async () => {
    repository({});
    const time = { now: Date.parse('2026-12-01T12:00:00Z') };
    const reader = documentReader(undefined, () => time.now);
    const run = () => CodeownersReader.create({ reader }).read(ROOT);
    await expect(run()).resolves.toBeUndefined();
    expect(requested).toHaveLength(3);

    time.now += 5 * 60_000 - 1;
    await expect(run()).resolves.toBeUndefined();
    expect(requested).toHaveLength(3);

    time.now += 1;
    await expect(run()).resolves.toBeUndefined();
    expect(requested).toHaveLength(6);
  });

  it('asks again in the next run after a failure, never taking it for a missing file', async () => {
    repository({ '/acme/payments/tree/main/.github/CODEOWNERS': 503 });
    const reader = documentReader();
    const run = () => CodeownersReader.create({ reader }).read(ROOT);
    await expect(run()).resolves.toMatchObject({
      read: { status: 'unknown' },
    });
    const asked = requested.length;
    await expect(run()).resolves.toMatchObject({
      read: { status: 'unknown' },
    });
    expect(requested.length).toBeGreaterThan(asked);
  });

  it('is unknown, not absent, when the host fails, and does not fall back to a later file', async () => {
    repository({
      '/acme/payments/tree/main/.github/CODEOWNERS': 503,
      '/acme/payments/tree/main/CODEOWNERS': '* @acme/wrong-file\n',
    });
    const file = await CodeownersReader.create({
      reader: documentReader(),
    }).read(ROOT);
    expect(file).toEqual({
      url: `${ROOT}.github/CODEOWNERS`,
      path: '.github/CODEOWNERS',
      defaultOwners: [],
      read: { status: 'unknown', reason: expect.stringContaining('503') },
    });
    expect(new Set(requested)).toEqual(
      new Set(['/acme/payments/tree/main/.github/CODEOWNERS']),
    );
  });

  it('is unknown when the file is refused (403)', async () => {
    repository({ '/acme/payments/tree/main/.github/CODEOWNERS': 403 });
    await expect(
      CodeownersReader.create({ reader: documentReader() }).read(ROOT),
    ).resolves.toMatchObject({
      read: { status: 'unknown', reason: expect.stringContaining('403') },
    });
  });

  it('reads a GitHub repository through the GitHub integration (contents API)', async () => {
    const seen: string[] = [];
    const auth = new Set<string>();
    server.use(
      http.get(
        'https://api.github.com/repos/acme/payments/contents/*',
        ({ request }) => {
          const url = new URL(request.url);
          seen.push(`${url.pathname}?${url.searchParams}`);
          auth.add(request.headers.get('authorization') ?? '');
          if (url.pathname.endsWith('/contents/CODEOWNERS')) {
            return new HttpResponse('* @acme/payments\n', {
              headers: { etag: '"abc"' },
            });
          }
          return HttpResponse.json(
            {
              message: 'Not Found',
              documentation_url:
                'https://docs.github.com/rest/repos/contents#get-repository-content',
            },
            { status: 404 },
          );
        },
      ),
    );
    const config = new ConfigReader({
      integrations: { github: [{ host: 'github.com', token: 'ghp_test' }] },
    });
    const reader = CodeownersReader.create({
      reader: DocumentReaderService.create({
        config,
        urlReader: UrlReaders.default({
          config,
          logger: mockServices.logger.mock(),
        }),
        cache: memoryCache(),
        resilience: { initialDelayMs: 1, maxDelayMs: 2, random: () => 0 },
      }),
    });
    const root = repositoryRoot({
      'backstage.io/source-location':
        'url:https://github.com/acme/payments/tree/main/',
    })!;
    await expect(reader.read(root)).resolves.toEqual({
      url: 'https://github.com/acme/payments/tree/main/CODEOWNERS',
      path: 'CODEOWNERS',
      defaultOwners: ['@acme/payments'],
    });
    expect(seen).toEqual([
      '/repos/acme/payments/contents/.github/CODEOWNERS?ref=main',
      '/repos/acme/payments/contents/CODEOWNERS?ref=main',
    ]);
    expect([...auth]).toEqual([expect.stringMatching(/ghp_test$/)]);
  });

  it('reads nothing on a host Backstage is not configured to read', async () => {
    repository({
      '/acme/payments/tree/main/.github/CODEOWNERS': '* @acme/payments\n',
    });
    await expect(
      CodeownersReader.create({ reader: documentReader([]) }).read(ROOT),
    ).resolves.toBeUndefined();
    expect(requested).toEqual([]);
  });
});
