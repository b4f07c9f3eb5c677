import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { mockCredentials } from '@backstage/backend-test-utils';
import request from 'supertest';
import { startOwnershipBackend } from '../__testUtils__/backend';
import { tempFolder, writeFiles } from '../docs/reader/__testUtils__/fakes';

const url = (file: string) => pathToFileURL(file).href;

jest.setTimeout(30_000);

describe('GET /documents', () => {
  let server: Awaited<ReturnType<typeof startOwnershipBackend>>['server'];
  let root: string;
  let outside: string;

  const get = (documentUrl?: string) =>
    request(server)
      .get('/api/ownership/documents')
      .query(documentUrl === undefined ? {} : { url: documentUrl });

  beforeAll(async () => {
    const base = await tempFolder();
    root = path.join(base, 'docs');
    outside = path.join(base, 'secrets');
    await writeFiles(root, {
      'runbooks/payments.md':
        '---\nreviewed: 2026-11-02\nowner: payments\n---\n# Payments down\n\n1. Check the ledger.\n',
      'runbooks/plain.md': '# No front matter\n',
    });
    await writeFiles(outside, { 'passwd.md': 'root:x:0:0\n' });
    ({ server } = await startOwnershipBackend({
      entities: [],
      config: { docs: { localRoots: [root] } },
    }));
  });

  it('answers the markdown of a document inside the local roots, without its front matter', async () => {
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
  });

  it('refuses a document outside the local roots, and says why', async () => {
    const res = await get(url(path.join(outside, 'passwd.md')));

    expect(res.status).toBe(404);
    expect(res.body.error.message).toContain(
      'outside ownership.docs.localRoots',
    );
    expect(JSON.stringify(res.body)).not.toContain('root:x');
  });

  it('refuses ../ escapes from a root', async () => {
    const res = await get(`${url(root)}/../secrets/passwd.md`);

    expect(res.status).toBe(404);
    expect(JSON.stringify(res.body)).not.toContain('root:x');
  });

  it('says when a document does not exist', async () => {
    const res = await get(url(path.join(root, 'runbooks/missing.md')));

    expect(res.status).toBe(404);
    expect(res.body.error.message).toContain('runbooks/missing.md');
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
