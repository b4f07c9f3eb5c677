import {
  mockServices,
  registerMswTestHooks,
} from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { ScmIntegrations } from '@backstage/integration';
import { createResilience } from '@ownership-portal/plugin-ownership-node';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { ghIssue } from '../__testUtils__/github';
import { GithubTechDebtSource } from '../GithubTechDebtSource';
import { GithubIssuesClient } from './GithubIssuesClient';
import {
  InvalidRepositorySlugError,
  parseRepositorySlug,
} from './repositorySlug';

const integrations = ScmIntegrations.fromConfig(
  new ConfigReader({
    integrations: { github: [{ host: 'github.com', token: 'ghp_secret' }] },
  }),
);

/** Slugs that must never reach GitHub, with a word the refusal names. */
const HOSTILE: Array<[string, RegExp]> = [
  ['../user', /owner "\.\." is not a GitHub account name/],
  ['./user', /owner "\." is not a GitHub account name/],
  ['acme/..', /repository "\.\." is a path segment/],
  ['acme/.', /repository "\." is a path segment/],
  ['acme/...git', /repository "\.\." is a path segment/],
  ['acme/..git', /repository "\." is a path segment/],
  ['acme/.git', /repository is empty/],
  ['/payments', /owner is empty/],
  ['acme/', /repository is empty/],
  ['..%2f..%2fuser/x', /not a GitHub account name/],
  ['acme/pay%2e%2e', /not a GitHub repository name/],
  ['acme/pay ments', /not a GitHub repository name/],
  ['acme/pay?x=1', /not a GitHub repository name/],
  ['acme/pay#x', /not a GitHub repository name/],
  ['acme\\..\\user/x', /not a GitHub account name/],
  ['ac.me/payments', /not a GitHub account name/],
  ['acme/../../user', /not of the form owner\/repository/],
  ['acme', /not of the form owner\/repository/],
  ['https://github.com/acme/payments', /not of the form owner\/repository/],
  [`acme/${'x'.repeat(101)}`, /longer than 100 characters/],
  [`${'a'.repeat(101)}/x`, /longer than 100 characters/],
  ['acme/p\u0000', /not a GitHub repository name/],
];

describe('parseRepositorySlug', () => {
  it('reads owner/repository, dropping a trailing .git', () => {
    expect(parseRepositorySlug(' acme/payments ')).toEqual({
      slug: { owner: 'acme', repo: 'payments' },
    });
    expect(parseRepositorySlug('Acme_emu/pay.ments-v2.git')).toEqual({
      slug: { owner: 'Acme_emu', repo: 'pay.ments-v2' },
    });
    expect(parseRepositorySlug('acme/.github')).toEqual({
      slug: { owner: 'acme', repo: '.github' },
    });
  });

  it.each(HOSTILE)('refuses %j, saying why', (slug, why) => {
    const result = parseRepositorySlug(slug);
    expect(result).toEqual({ error: expect.stringMatching(why) });
  });

  it('cuts a huge value short in the message', () => {
    const result = parseRepositorySlug(`${'../'.repeat(10_000)}user`);
    expect('error' in result && result.error.length).toBeLessThan(200);
  });
});

describe('hostile github.com/project-slug', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  /** Every request that leaves, whatever its URL. */
  function recordRequests() {
    const requests: string[] = [];
    server.events.on('request:start', ({ request }) => {
      requests.push(`${request.method} ${request.url}`);
    });
    server.use(
      http.all('*', () => HttpResponse.json([ghIssue(1)], { status: 200 })),
    );
    return requests;
  }

  it.each(HOSTILE)(
    '%j is a problem of the entity, and no request leaves',
    async (slug, why) => {
      const requests = recordRequests();
      const logger = mockServices.logger.mock();
      const source = GithubTechDebtSource.create({ integrations, logger });
      const subject = {
        entityRef: 'component:default/evil',
        kind: 'Component',
        annotations: { 'github.com/project-slug': slug },
      };

      expect(source.appliesTo(subject)).toBe(true);
      const read = source.read(subject, { now: new Date() });
      await expect(read).rejects.toBeInstanceOf(InvalidRepositorySlugError);
      await expect(read).rejects.toThrow(why);
      await expect(read).rejects.toThrow(/^github\.com\/project-slug "/);
      expect(requests).toEqual([]);
    },
  );

  it('a well-formed slug still reaches GitHub, with the token', async () => {
    const requests = recordRequests();
    const source = GithubTechDebtSource.create({ integrations });
    const items = await source.read(
      {
        entityRef: 'component:default/payments',
        kind: 'Component',
        annotations: { 'github.com/project-slug': 'acme/payments' },
      },
      { now: new Date() },
    );
    expect(items.map(i => i.id)).toEqual(['#1']);
    expect(requests).toEqual([
      'GET https://api.github.com/repos/acme/payments/issues?labels=tech-debt&state=open&per_page=100',
    ]);
  });

  it('the client refuses path segments itself, before any request', async () => {
    const requests = recordRequests();
    const client = new GithubIssuesClient({
      resilience: createResilience({ name: 'GitHub', maxAttempts: 1 }),
      maxPages: 1,
      maxWaitMs: 0,
    });
    for (const [owner, repo] of [
      ['..', 'user'],
      ['acme', '..'],
      ['acme', '.'],
      ['acme', 'a/../../user'],
      ['', 'x'],
    ]) {
      await expect(
        client.listOpenIssues({
          apiBaseUrl: 'https://api.github.com',
          owner,
          repo,
          label: 'tech-debt',
          headers: { Authorization: 'Bearer ghp_secret' },
        }),
      ).rejects.toBeInstanceOf(InvalidRepositorySlugError);
    }
    expect(requests).toEqual([]);
  });
});
