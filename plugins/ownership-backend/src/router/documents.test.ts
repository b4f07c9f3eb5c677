import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { mockCredentials } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import request from 'supertest';
import { startOwnershipBackend } from '../__testUtils__/backend';
import { group, user } from '../__testUtils__/entities';
import { tempFolder, writeFiles } from '../docs/reader/__testUtils__/fakes';

const url = (file: string) => pathToFileURL(file).href;

jest.setTimeout(30_000);

describe('GET /documents', () => {
  let server: Awaited<ReturnType<typeof startOwnershipBackend>>['server'];
  let base: string;
  let root: string;
  let outside: string;

  const get = (documentUrl?: string) =>
    request(server)
      .get('/api/ownership/documents')
      .query(documentUrl === undefined ? {} : { url: documentUrl });

  /** The answer for a URL that names no document one may read. */
  const notShown = (documentUrl: string) =>
    `Cannot show ${documentUrl}: it is not a runbook, ADR or tech-debt register of an entity you may read in the latest ownership audit, or it cannot be read`;

  beforeAll(async () => {
    base = await tempFolder();
    root = path.join(base, 'docs');
    outside = path.join(base, 'secrets');
    await writeFiles(root, {
      'runbooks/payments.md':
        '---\nreviewed: 2026-11-02\nowner: payments\n---\n# Payments down\n\n1. Check the ledger.\n',
      'runbooks/plain.md': '# No front matter\n',
      'runbooks/unlisted.md': '# Nobody links me\n',
      'runbooks/notes.txt': 'plain text notes\n',
      'runbooks/.draft.md': '# hidden draft\n',
      'runbooks/config.json': '{"secret": true}\n',
      '.git/HEAD.md': 'ref: refs/heads/main\n',
    });
    await writeFiles(outside, { 'passwd.md': 'root:x:0:0\n' });
    const links = [
      'runbooks/payments.md',
      'runbooks/plain.md',
      'runbooks/missing.md',
      'runbooks/notes.txt',
      'runbooks/.draft.md',
      'runbooks/config.json',
      '.git/HEAD.md',
    ].map(file => ({
      url: url(path.join(root, file)),
      title: file,
      type: 'runbook',
    }));
    const service: Entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name: 'payments-api',
        links: [
          ...links,
          {
            url: url(path.join(outside, 'passwd.md')),
            title: 'outside',
            type: 'runbook',
          },
        ],
      },
      spec: { type: 'service', lifecycle: 'production', owner: 'payments' },
    };
    const backend = await startOwnershipBackend({
      entities: [group('payments'), user('alice', ['payments']), service],
      config: { docs: { localRoots: [root] } },
    });
    server = backend.server;
    await backend.audit();
  });

  it('answers the markdown of a document an entity names, without its front matter', async () => {
    const res = await get(url(path.join(root, 'runbooks/payments.md')));

    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      url: url(path.join(root, 'runbooks/payments.md')),
      markdown: '# Payments down\n\n1. Check the ledger.\n',
      lastModified: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
    });
    expect(
      (await get(url(path.join(root, 'runbooks/plain.md')))).body,
    ).toMatchObject({ markdown: '# No front matter\n' });
    expect(
      (await get(url(path.join(root, 'runbooks/notes.txt')))).body,
    ).toMatchObject({ markdown: 'plain text notes\n' });
  });

  it('answers a document no entity names exactly like a missing one', async () => {
    const unlisted = url(path.join(root, 'runbooks/unlisted.md'));
    const missing = url(path.join(root, 'runbooks/missing.md'));

    const a = await get(unlisted);
    const b = await get(missing);
    expect([a.status, b.status]).toEqual([404, 404]);
    expect(a.body.error.message).toBe(notShown(unlisted));
    expect(b.body.error.message).toBe(notShown(missing));
    expect(JSON.stringify(a.body)).not.toContain('Nobody links me');
  });

  it('refuses a document outside the local roots like a missing one, naming no folder of the server', async () => {
    const passwd = url(path.join(outside, 'passwd.md'));
    const res = await get(passwd);

    expect(res.status).toBe(404);
    expect(res.body.error.message).toBe(notShown(passwd));
    expect(res.body.error.message.replace(passwd, '')).not.toContain(base);
    expect(JSON.stringify(res.body)).not.toContain('root:x');
  });

  it('never serves a hidden or relative path segment, nor a file that is not text', async () => {
    for (const [documentUrl, reason] of [
      [url(path.join(root, 'runbooks/.draft.md')), 'hidden or relative path'],
      [url(path.join(root, '.git/HEAD.md')), 'hidden or relative path'],
      [`${url(root)}/../secrets/passwd.md`, 'hidden or relative path'],
      [`${url(root)}/%2e%2e/secrets/passwd.md`, 'hidden or relative path'],
      [url(path.join(root, '.env')), 'hidden or relative path'],
      [
        url(path.join(root, 'runbooks/config.json')),
        'only .md, .markdown, .txt, .yaml, .yml files are shown',
      ],
    ]) {
      const res = await get(documentUrl);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toContain(
        `Invalid query parameter url: ${documentUrl}`,
      );
      expect(res.body.error.message).toContain(reason);
      expect(JSON.stringify(res.body)).not.toMatch(
        /root:x|hidden draft|refs\/heads|"secret"/,
      );
    }
  });

  it('names the parameter when the URL is missing or not a file: URL', async () => {
    const missing = await get();
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toMatch(/url/);

    const remote = await get('https://runbooks.example.com/payments.md');
    expect(remote.status).toBe(400);
    expect(remote.body.error.message).toContain(
      'must be a file: URL inside ownership.docs.localRoots',
    );
  });

  it('needs credentials', async () => {
    const res = await get(url(path.join(root, 'runbooks/payments.md'))).set(
      'authorization',
      mockCredentials.none.header(),
    );

    expect(res.status).toBe(401);
  });
});
