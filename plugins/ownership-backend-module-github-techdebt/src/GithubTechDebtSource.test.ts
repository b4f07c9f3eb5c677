import {
  mockServices,
  registerMswTestHooks,
} from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { ScmIntegrations } from '@backstage/integration';
import {
  isTransientFailure,
  type TechDebtSubject,
} from '@ownership-portal/plugin-ownership-node';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import {
  ghIssue,
  ghPull,
  ghUser,
  ISSUES,
  memoryCache,
  paginatedIssues,
} from './__testUtils__/github';
import {
  GithubTechDebtSource,
  type GithubTechDebtSourceOptions,
  impactOf,
} from './GithubTechDebtSource';

const now = new Date('2026-12-01T10:00:00Z');
const context = { now };

const integrations = ScmIntegrations.fromConfig(
  new ConfigReader({
    integrations: {
      github: [
        { host: 'github.com', token: 'ghp_test' },
        {
          host: 'ghe.acme.com',
          apiBaseUrl: 'https://ghe.acme.com/api/v3',
          token: 'ghe_test',
        },
      ],
    },
  }),
);

function sourceWith(options: Partial<GithubTechDebtSourceOptions> = {}) {
  return GithubTechDebtSource.create({
    integrations,
    ...options,
    resilience: { initialDelayMs: 1, random: () => 0, ...options.resilience },
  });
}

function subject(annotations: Record<string, string>): TechDebtSubject {
  return {
    entityRef: 'component:default/payments-api',
    kind: 'Component',
    annotations,
  };
}

const payments = subject({ 'github.com/project-slug': 'acme/payments' });

describe('GithubTechDebtSource', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  it('applies to entities with a github.com/project-slug', () => {
    const source = sourceWith();
    expect(source.id).toBe('github');
    expect(source.appliesTo(payments)).toBe(true);
    expect(
      source.appliesTo(subject({ 'github.com/project-slug': ' acme/x.git ' })),
    ).toBe(true);
    // A malformed slug applies, so that read() reports it (see slug tests).
    expect(
      source.appliesTo(subject({ 'github.com/project-slug': 'acme' })),
    ).toBe(true);
    for (const slug of ['', '  ']) {
      expect(
        source.appliesTo(subject({ 'github.com/project-slug': slug })),
      ).toBe(false);
    }
    expect(source.appliesTo(subject({}))).toBe(false);
  });

  it('follows Link rel="next" through every page, leaves out pull requests and sends the credentials', async () => {
    const requests: Request[] = [];
    const all = Array.from({ length: 250 }, (_, i) =>
      i % 5 === 4 ? ghPull(i + 1) : ghIssue(i + 1),
    );
    server.use(paginatedIssues(all, { requests }));

    const items = await sourceWith().read(payments, context);

    expect(requests).toHaveLength(3);
    const first = new URL(requests[0].url);
    expect(first.pathname).toBe('/repos/acme/payments/issues');
    expect(Object.fromEntries(first.searchParams)).toEqual({
      labels: 'tech-debt',
      state: 'open',
      per_page: '100',
    });
    expect(new URL(requests[2].url).searchParams.get('page')).toBe('3');
    expect(requests[0].headers.get('authorization')).toBe('Bearer ghp_test');
    expect(requests[0].headers.get('accept')).toBe(
      'application/vnd.github+json',
    );
    expect(requests[0].headers.get('x-github-api-version')).toBe('2022-11-28');
    expect(items).toHaveLength(200);
    expect(items.map(i => i.id).slice(0, 5)).toEqual([
      '#1',
      '#2',
      '#3',
      '#4',
      '#6',
    ]);
  });

  it('maps labels, milestone and assignee onto the item', async () => {
    server.use(
      paginatedIssues([
        ghIssue(12, {
          title: 'Replace the legacy auth client',
          labels: [
            { name: 'tech-debt' },
            { name: 'impact:high' },
            { name: 'Impact: Critical' },
            { name: 'impact:low' },
          ],
          milestone: {
            number: 3,
            title: 'Q4 clean-up',
            state: 'open',
            due_on: '2026-12-31T08:00:00Z',
          },
          assignee: ghUser('alice'),
          assignees: [ghUser('alice'), ghUser('bob')],
          created_at: '2026-03-01T23:59:59Z',
        }),
        ghIssue(13, {
          title: 'Old plain labels',
          labels: ['tech-debt', 'impact:low'],
          milestone: { number: 4, title: 'Someday', due_on: null },
        }),
        ghIssue(14, { title: 'No impact label' }),
      ]),
    );

    expect(await sourceWith().read(payments, context)).toEqual([
      {
        id: '#12',
        title: 'Replace the legacy auth client',
        impact: 'critical',
        created: '2026-03-01',
        due: '2026-12-31',
        status: 'in-progress',
        issue: 'https://github.com/acme/payments/issues/12',
        owner: 'alice',
      },
      {
        id: '#13',
        title: 'Old plain labels',
        impact: 'low',
        created: '2026-10-01',
        status: 'open',
        issue: 'https://github.com/acme/payments/issues/13',
      },
      {
        id: '#14',
        title: 'No impact label',
        impact: 'medium',
        created: '2026-10-01',
        status: 'open',
        issue: 'https://github.com/acme/payments/issues/14',
      },
    ]);
    expect(impactOf([{ name: 'impact/high' }, { name: 'impactful' }])).toBe(
      'high',
    );
  });

  it('asks for the configured label, and stops after the page cap', async () => {
    const requests: Request[] = [];
    server.use(
      paginatedIssues(
        Array.from({ length: 30 }, (_, i) => ghIssue(i + 1)),
        { pageSize: 10, requests },
      ),
    );
    const logger = mockServices.logger.mock();
    const source = GithubTechDebtSource.fromConfig(
      new ConfigReader({
        integrations: { github: [{ host: 'github.com', token: 't' }] },
        ownership: {
          techdebt: { github: { label: 'debt: tech', maxPages: 2 } },
        },
      }),
      { logger },
    );

    const items = await source.read(payments, context);

    expect(items).toHaveLength(20);
    expect(requests).toHaveLength(2);
    expect(new URL(requests[0].url).searchParams.get('labels')).toBe(
      'debt: tech',
    );
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('reading only the first 200'),
    );
  });

  it('reads a GitHub Enterprise repository through its integration', async () => {
    const requests: Request[] = [];
    server.use(
      paginatedIssues([ghIssue(1)], {
        requests,
        url: 'https://ghe.acme.com/api/v3/repos/acme/payments/issues',
      }),
    );
    const items = await sourceWith().read(
      subject({
        'github.com/project-slug': 'acme/payments',
        'backstage.io/source-location':
          'url:https://ghe.acme.com/acme/payments/tree/main/',
      }),
      context,
    );
    expect(items).toHaveLength(1);
    expect(requests[0].headers.get('authorization')).toBe('Bearer ghe_test');
  });

  it('does not follow a next page on another host', async () => {
    const requests: Request[] = [];
    server.use(
      http.get(ISSUES, ({ request }) => {
        requests.push(request);
        return HttpResponse.json([ghIssue(1)], {
          headers: {
            link: '<https://evil.example.com/issues?page=2>; rel="next"',
          },
        });
      }),
    );
    expect(await sourceWith().read(payments, context)).toHaveLength(1);
    expect(requests).toHaveLength(1);
  });

  describe('rate limits', () => {
    it('waits out a 429 with retry-after, then succeeds', async () => {
      let calls = 0;
      server.use(
        http.get(ISSUES, () =>
          ++calls === 1
            ? HttpResponse.json(
                {
                  message: 'You have exceeded a secondary rate limit.',
                  documentation_url: 'https://docs.github.com/rest',
                },
                { status: 429, headers: { 'retry-after': '0.1' } },
              )
            : HttpResponse.json([ghIssue(1)]),
        ),
      );
      const started = Date.now();
      const items = await sourceWith().read(payments, context);
      expect(items).toHaveLength(1);
      expect(calls).toBe(2);
      expect(Date.now() - started).toBeGreaterThanOrEqual(90);
    });

    it('waits for x-ratelimit-reset on a 403 with x-ratelimit-remaining: 0, then succeeds', async () => {
      const reset = 1_900_000_000;
      const clock = () => reset * 1000 - 120;
      let calls = 0;
      server.use(
        http.get(ISSUES, () =>
          ++calls === 1
            ? HttpResponse.json(
                {
                  message: 'API rate limit exceeded for installation ID 1.',
                  documentation_url: 'https://docs.github.com/rest',
                },
                {
                  status: 403,
                  headers: {
                    'x-ratelimit-limit': '5000',
                    'x-ratelimit-remaining': '0',
                    'x-ratelimit-reset': String(reset),
                    'x-ratelimit-resource': 'core',
                  },
                },
              )
            : HttpResponse.json([ghIssue(1)]),
        ),
      );
      const started = Date.now();
      expect(await sourceWith({ clock }).read(payments, context)).toHaveLength(
        1,
      );
      expect(calls).toBe(2);
      expect(Date.now() - started).toBeGreaterThanOrEqual(100);
    });

    it('pauses every call until a distant reset instead of retrying', async () => {
      const clock = () => Date.parse('2026-12-01T10:00:00Z');
      const reset = clock() / 1000 + 3600;
      let calls = 0;
      server.use(
        http.get(ISSUES, () => {
          calls++;
          return HttpResponse.json(
            { message: 'API rate limit exceeded' },
            {
              status: 403,
              headers: {
                'x-ratelimit-remaining': '0',
                'x-ratelimit-reset': String(reset),
              },
            },
          );
        }),
      );
      const source = sourceWith({ clock });
      const exhausted = await source.read(payments, context).catch(e => e);
      expect(exhausted.message).toBe(
        'GitHub rate limit reached (403: API rate limit exceeded); calls to it pause until 2026-12-01T11:00:00.000Z',
      );
      const paused = await source
        .read(subject({ 'github.com/project-slug': 'acme/ledger' }), context)
        .catch(e => e);
      expect(paused.message).toContain(
        'GitHub rate limit of https://api.github.com is used up until 2026-12-01T11:00:00.000Z',
      );
      expect(calls).toBe(1);
      // A used-up rate limit says nothing of the issues: the ownership
      // backend keeps the previous items, marked stale.
      expect(isTransientFailure(exhausted)).toBe(true);
      expect(isTransientFailure(paused)).toBe(true);
    });

    it('does not retry a 403 that is not a rate limit', async () => {
      let calls = 0;
      server.use(
        http.get(ISSUES, () => {
          calls++;
          return HttpResponse.json(
            { message: 'Resource not accessible by integration' },
            { status: 403, headers: { 'x-ratelimit-remaining': '4000' } },
          );
        }),
      );
      const refused = await sourceWith()
        .read(payments, context)
        .catch(e => e);
      expect(refused.message).toBe(
        'GET /repos/acme/payments/issues answered 403 Forbidden: Resource not accessible by integration',
      );
      expect(isTransientFailure(refused)).toBe(false);
      expect(calls).toBe(1);
    });
  });

  it('retries a 5xx answer', async () => {
    let calls = 0;
    server.use(
      http.get(ISSUES, () =>
        ++calls < 3
          ? new HttpResponse('upstream trouble', {
              status: calls === 1 ? 502 : 503,
            })
          : HttpResponse.json([ghIssue(1)]),
      ),
    );
    expect(await sourceWith().read(payments, context)).toHaveLength(1);
    expect(calls).toBe(3);
  });

  it('opens the breaker after consecutive failures and stops calling GitHub', async () => {
    let calls = 0;
    server.use(
      http.get(ISSUES, () => {
        calls++;
        return new HttpResponse(null, { status: 500 });
      }),
    );
    const source = sourceWith({
      resilience: { maxAttempts: 1, breakerThreshold: 2 },
    });
    await expect(source.read(payments, context)).rejects.toThrow('500');
    await expect(source.read(payments, context)).rejects.toThrow('500');
    const open = await source.read(payments, context).catch(e => e);
    expect(open.message).toContain('GitHub is failing');
    expect(isTransientFailure(open)).toBe(true);
    expect(calls).toBe(2);
  });

  it('says which repository is not found', async () => {
    server.use(
      http.get(ISSUES, () =>
        HttpResponse.json({ message: 'Not Found' }, { status: 404 }),
      ),
    );
    const missing = await sourceWith()
      .read(payments, context)
      .catch(e => e);
    expect(missing.message).toBe(
      'GitHub repository acme/payments was not found, or the credentials of its integrations.github entry cannot see it',
    );
    expect(isTransientFailure(missing)).toBe(false);
  });

  it('keeps a repository’s items in the cache for the TTL, and shares a read in flight', async () => {
    let time = Date.parse('2026-12-01T10:00:00Z');
    const cache = memoryCache(() => time);
    const requests: Request[] = [];
    server.use(paginatedIssues([ghIssue(1), ghIssue(2)], { requests }));
    const source = sourceWith({ cache, cacheTtlMs: 10 * 60 * 1000 });

    const [a, b] = await Promise.all([
      source.read(payments, context),
      source.read(payments, context),
    ]);
    expect(a).toEqual(b);
    expect(requests).toHaveLength(1);

    time += 9 * 60 * 1000;
    expect(await source.read(payments, context)).toEqual(a);
    expect(requests).toHaveLength(1);
    expect([...cache.store.keys()]).toEqual([
      'github-techdebt:v1:github.com/acme/payments?label=tech-debt',
    ]);

    time += 2 * 60 * 1000;
    await source.read(payments, context);
    expect(requests).toHaveLength(2);
  });

  it('asks again with the ETag once the TTL has passed, and reuses the items on a 304', async () => {
    let time = Date.parse('2026-12-01T10:00:00Z');
    const cache = memoryCache(() => time);
    const sent: Array<string | null> = [];
    let issues = [ghIssue(1, { title: 'Old title' })];
    const etagOf = () => `"${issues.map(i => i.title).join('|')}"`;
    server.use(
      http.get(ISSUES, ({ request }) => {
        const ifNoneMatch = request.headers.get('if-none-match');
        sent.push(ifNoneMatch);
        if (ifNoneMatch === etagOf()) {
          return new HttpResponse(null, {
            status: 304,
            headers: { etag: etagOf() },
          });
        }
        return HttpResponse.json(issues, { headers: { etag: etagOf() } });
      }),
    );
    const source = sourceWith({ cache, cacheTtlMs: 10 * 60 * 1000 });

    const first = await source.read(payments, context);
    expect(first).toEqual([expect.objectContaining({ title: 'Old title' })]);
    time += 11 * 60 * 1000;
    await expect(source.read(payments, context)).resolves.toEqual(first);
    expect(sent).toEqual([null, '"Old title"']);

    // A changed listing is read in full, whatever ETag was sent.
    issues = [ghIssue(1, { title: 'New title' })];
    time += 11 * 60 * 1000;
    await expect(source.read(payments, context)).resolves.toEqual([
      expect.objectContaining({ title: 'New title' }),
    ]);
    expect(sent).toEqual([null, '"Old title"', '"Old title"']);

    // After a day without a listing, nothing is kept to revalidate.
    time += 25 * 60 * 60 * 1000;
    await source.read(payments, context);
    expect(sent).toEqual([null, '"Old title"', '"Old title"', null]);
  });

  it('sends no ETag for a listing of several pages: the first page says nothing of the others', async () => {
    let time = Date.parse('2026-12-01T10:00:00Z');
    const cache = memoryCache(() => time);
    const requests: Request[] = [];
    const all = [ghIssue(1), ghIssue(2), ghIssue(3)];
    server.use(
      http.get(ISSUES, ({ request }) => {
        requests.push(request);
        const page = Number(new URL(request.url).searchParams.get('page') ?? 1);
        const next = new URL(request.url);
        next.searchParams.set('page', String(page + 1));
        return HttpResponse.json(all.slice((page - 1) * 2, page * 2), {
          headers: {
            etag: `"page-${page}"`,
            ...(page === 1 && { link: `<${next}>; rel="next"` }),
          },
        });
      }),
    );
    const source = sourceWith({ cache, cacheTtlMs: 10 * 60 * 1000 });
    await expect(source.read(payments, context)).resolves.toHaveLength(3);
    time += 11 * 60 * 1000;
    await expect(source.read(payments, context)).resolves.toHaveLength(3);
    expect(requests).toHaveLength(4);
    expect(requests.map(r => r.headers.get('if-none-match'))).toEqual([
      null,
      null,
      null,
      null,
    ]);
  });

  it('reads the cache TTL from config as a duration', async () => {
    const cache = memoryCache();
    const set = jest.spyOn(cache, 'set');
    server.use(paginatedIssues([ghIssue(1)]));
    const source = GithubTechDebtSource.fromConfig(
      new ConfigReader({
        ownership: { techdebt: { github: { cacheTtl: { minutes: 2 } } } },
      }),
      { cache },
    );
    await source.read(payments, context);
    expect(set).toHaveBeenCalledWith(expect.any(String), expect.any(Array), {
      ttl: 120_000,
    });
  });
});
