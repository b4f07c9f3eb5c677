import fsModule, { promises as fs } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { DocumentReaderService } from './DocumentReaderService';
import { memoryCache } from '../../__testUtils__/cache';
import { tempFolder, writeFiles } from './__testUtils__/fakes';

const MiB = 1024 * 1024;
const url = (file: string) => pathToFileURL(file).href;

describe('DocumentReaderService with file: locations', () => {
  let base: string;
  let root: string;
  let outside: string;
  let opened: string[];
  let listed: string[];

  beforeEach(async () => {
    base = await tempFolder();
    root = path.join(base, 'examples');
    outside = path.join(base, 'secrets');
    await writeFiles(root, {
      'payments/catalog-info.yaml': 'kind: Component\n',
      'payments/docs/runbook.md': '# Payments runbook\n',
    });
    await writeFiles(outside, {
      'passwd.md': 'root:x:0:0\n',
      'adr/0001-secret.md': '# secret\n',
    });
    opened = [];
    listed = [];
    const realOpen = fsModule.promises.open;
    jest
      .spyOn(fsModule.promises, 'open')
      .mockImplementation(async (file, ...rest) => {
        opened.push(String(file));
        return realOpen(file, ...rest);
      });
    const realReaddir = fsModule.promises.readdir;
    jest.spyOn(fsModule.promises, 'readdir').mockImplementation((async (
      folder: string,
      ...rest: any[]
    ) => {
      listed.push(String(folder));
      return (realReaddir as any)(folder, ...rest);
    }) as any);
  });

  afterEach(async () => {
    jest.restoreAllMocks();
    await fs.rm(base, { recursive: true, force: true });
  });

  function reader(docs: object = {}) {
    return DocumentReaderService.create({
      config: new ConfigReader({
        ownership: { docs: { localRoots: [root], ...docs } },
      }),
      urlReader: mockServices.urlReader.mock(),
      cache: memoryCache(),
      logger: mockServices.logger.mock(),
    });
  }

  function expectNothingOpenedOutside() {
    for (const file of [...opened, ...listed]) {
      expect(file.startsWith(`${root}${path.sep}`) || file === root).toBe(true);
    }
  }

  it('resolves relative to the catalog file and reads inside a root, with stat dates', async () => {
    const docs = reader();
    const resolved = docs.resolve(
      'docs/runbook.md',
      `file:${path.join(root, 'payments/catalog-info.yaml')}`,
    );
    expect(resolved).toEqual({
      url: url(path.join(root, 'payments/docs/runbook.md')),
    });
    const result = await docs.readFile((resolved as { url: string }).url);
    const { mtimeMs } = await fs.stat(
      path.join(root, 'payments/docs/runbook.md'),
    );
    expect(result).toEqual({
      status: 'ok',
      url: url(path.join(root, 'payments/docs/runbook.md')),
      text: '# Payments runbook\n',
      lastModified: new Date(mtimeMs),
    });
  });

  it('resolves relative roots against the working directory', async () => {
    const docs = DocumentReaderService.create({
      config: new ConfigReader({
        ownership: { docs: { localRoots: ['../examples'] } },
      }),
      urlReader: mockServices.urlReader.mock(),
      cache: memoryCache(),
      cwd: path.join(base, 'backend'),
    });
    expect(docs.settings.localRoots).toEqual([root]);
    await expect(
      docs.readFile(url(path.join(root, 'payments/docs/runbook.md'))),
    ).resolves.toMatchObject({ status: 'ok' });
  });

  it('refuses ../ escapes and absolute paths outside the roots without opening them', async () => {
    const docs = reader();
    const escape = docs.resolve(
      '../../secrets/passwd.md',
      `file:${path.join(root, 'payments/catalog-info.yaml')}`,
    ) as { url: string };
    expect(escape.url).toBe(url(path.join(outside, 'passwd.md')));
    await expect(docs.readFile(escape.url)).resolves.toEqual({
      status: 'unreachable',
      url: escape.url,
      reason: `${escape.url} is outside ownership.docs.localRoots (${root})`,
    });

    // Written with .. in the URL itself, which must be normalised first.
    const dotted = `file://${root}/payments/../../secrets/passwd.md`;
    await expect(docs.readFile(dotted)).resolves.toMatchObject({
      status: 'unreachable',
      reason: expect.stringContaining('is outside ownership.docs.localRoots'),
    });
    const encoded = `file://${root}/%2e%2e/secrets/passwd.md`;
    await expect(docs.readFile(encoded)).resolves.toMatchObject({
      status: 'unreachable',
      reason: expect.stringContaining('is outside ownership.docs.localRoots'),
    });

    await expect(docs.readFile('file:///etc/passwd')).resolves.toEqual({
      status: 'unreachable',
      url: 'file:///etc/passwd',
      reason: `file:///etc/passwd is outside ownership.docs.localRoots (${root})`,
    });
    // A sibling whose name starts like the root is not inside it.
    await writeFiles(base, { 'examples-private/x.md': 'x' });
    await expect(
      docs.readFile(url(path.join(base, 'examples-private/x.md'))),
    ).resolves.toMatchObject({ status: 'unreachable' });
    await expect(docs.readFolder(url(outside), ['.md'])).resolves.toMatchObject(
      { status: 'unreachable' },
    );
    expectNothingOpenedOutside();
  });

  it('refuses everything when no roots are configured', async () => {
    const docs = DocumentReaderService.create({
      config: new ConfigReader({}),
      urlReader: mockServices.urlReader.mock(),
      cache: memoryCache(),
    });
    const target = url(path.join(root, 'payments/docs/runbook.md'));
    await expect(docs.readFile(target)).resolves.toEqual({
      status: 'unreachable',
      url: target,
      reason: `${target} is outside ownership.docs.localRoots (none configured)`,
    });
    expect(opened).toEqual([]);
  });

  it('refuses symlinks inside a root that point outside, for files and folders', async () => {
    await fs.symlink(
      path.join(outside, 'passwd.md'),
      path.join(root, 'payments/docs/linked.md'),
    );
    await fs.symlink(
      path.join(outside, 'adr'),
      path.join(root, 'payments/adr'),
    );
    const docs = reader();

    const file = url(path.join(root, 'payments/docs/linked.md'));
    await expect(docs.readFile(file)).resolves.toEqual({
      status: 'unreachable',
      url: file,
      reason: `${file} is outside ownership.docs.localRoots (${root}) through a symbolic link`,
    });
    const throughFolder = url(path.join(root, 'payments/adr/0001-secret.md'));
    await expect(docs.readFile(throughFolder)).resolves.toMatchObject({
      status: 'unreachable',
      reason: expect.stringContaining('through a symbolic link'),
    });
    await expect(
      docs.readFolder(url(path.join(root, 'payments/adr')), ['.md']),
    ).resolves.toMatchObject({
      status: 'unreachable',
      reason: expect.stringContaining('through a symbolic link'),
    });

    // Walking the parent lists both links as skipped and reads neither.
    const folder = await docs.readFolder(url(path.join(root, 'payments')), [
      '.md',
    ]);
    expect(folder).toMatchObject({ status: 'ok' });
    if (folder.status !== 'ok') throw new Error('expected ok');
    expect(folder.files.map(f => f.url)).toEqual([
      url(path.join(root, 'payments/docs/runbook.md')),
    ]);
    expect(folder.skipped).toEqual(
      expect.arrayContaining([
        {
          url: url(path.join(root, 'payments/adr')),
          reason: expect.stringContaining('through a symbolic link'),
        },
        {
          url: file,
          reason: expect.stringContaining('through a symbolic link'),
        },
      ]),
    );
    expectNothingOpenedOutside();
  });

  it('follows symlinks that stay inside the roots, once', async () => {
    await writeFiles(root, { 'shared/adr/0001.md': '# shared' });
    await fs.symlink(
      path.join(root, 'shared/adr'),
      path.join(root, 'payments/docs/adr'),
    );
    // A loop back to an ancestor must not be walked forever.
    await fs.symlink(
      path.join(root, 'payments'),
      path.join(root, 'payments/docs/loop'),
    );
    const docs = reader();
    const folder = await docs.readFolder(url(path.join(root, 'payments')), [
      '.md',
    ]);
    if (folder.status !== 'ok') throw new Error(folder.reason);
    expect(folder.files.map(f => f.url)).toEqual([
      url(path.join(root, 'payments/docs/adr/0001.md')),
      url(path.join(root, 'payments/docs/runbook.md')),
    ]);
  });

  it('reports a missing file as not found', async () => {
    const missing = url(path.join(root, 'payments/docs/nope.md'));
    await expect(reader().readFile(missing)).resolves.toEqual({
      status: 'unreachable',
      url: missing,
      reason: 'not found',
    });
    await expect(
      reader().readFolder(url(path.join(root, 'nope')), ['.md']),
    ).resolves.toMatchObject({ status: 'unreachable', reason: 'not found' });
  });

  it('says a file is unknown, not unreachable, when the disk fails rather than answers', async () => {
    const runbook = url(path.join(root, 'payments/docs/runbook.md'));
    jest
      .mocked(fsModule.promises.open)
      .mockRejectedValueOnce(
        Object.assign(new Error('EIO: i/o error, open'), { code: 'EIO' }),
      );
    await expect(reader().readFile(runbook)).resolves.toEqual({
      status: 'unknown',
      url: runbook,
      reason: `${runbook} cannot be read: EIO: i/o error, open`,
    });
    const realStat = fsModule.promises.stat;
    jest.spyOn(fsModule.promises, 'stat').mockImplementation((async (
      file: string,
      ...rest: any[]
    ) => {
      if (String(file).endsWith(`${path.sep}docs`)) {
        throw Object.assign(new Error('EMFILE: too many open files'), {
          code: 'EMFILE',
        });
      }
      return (realStat as any)(file, ...rest);
    }) as any);
    await expect(
      reader().readFolder(url(path.join(root, 'payments/docs')), ['.md']),
    ).resolves.toMatchObject({ status: 'unknown' });
  });

  it('refuses a 20 MB file by its size without opening it', async () => {
    const big = path.join(root, 'payments/docs/big.md');
    await fs.writeFile(big, '');
    await fs.truncate(big, 20 * MiB);
    const result = await reader().readFile(url(big));
    expect(result).toEqual({
      status: 'unreachable',
      url: url(big),
      reason: `${url(big)} is 20 MB, more than ownership.docs.maxBytes (1 MB)`,
    });
    expect(opened).not.toContain(big);
  });

  it('refuses binary files and invalid UTF-8 as not text', async () => {
    await writeFiles(root, {
      'payments/docs/logo.md': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1]),
      'payments/docs/latin1.md': Buffer.from([0x63, 0x61, 0x66, 0xe9]),
      'payments/docs/utf8.md': '\uFEFFcafé ☕',
    });
    const docs = reader();
    for (const name of ['logo.md', 'latin1.md']) {
      const target = url(path.join(root, 'payments/docs', name));
      await expect(docs.readFile(target)).resolves.toEqual({
        status: 'unreachable',
        url: target,
        reason: `${target} is not a text file`,
      });
    }
    await expect(
      docs.readFile(url(path.join(root, 'payments/docs/utf8.md'))),
    ).resolves.toMatchObject({ status: 'ok', text: 'café ☕' });
  });

  it('says so when a folder is read as a file, or a file as a folder', async () => {
    const docs = reader();
    const folder = url(path.join(root, 'payments/docs'));
    await expect(docs.readFile(folder)).resolves.toEqual({
      status: 'unreachable',
      url: folder,
      reason: `${folder} is a folder, not a file`,
    });
    const file = url(path.join(root, 'payments/docs/runbook.md'));
    await expect(docs.readFolder(file, ['.md'])).resolves.toEqual({
      status: 'unreachable',
      url: file,
      reason: `${file} is a file, not a folder`,
    });
  });

  it('reads a folder in path order, skipping hidden, other and unreadable files', async () => {
    await writeFiles(root, {
      'adr/0002-queue.md': '# 2',
      'adr/0001-db.MD': '# 1',
      'adr/nested/0003-cache.md': '# 3',
      'adr/.draft.md': 'draft',
      'adr/.git/HEAD.md': 'hidden folder',
      'adr/notes.txt': 'not markdown',
      'adr/0004-binary.md': Buffer.from([0, 1, 2]),
    });
    const big = path.join(root, 'adr/0005-big.md');
    await fs.writeFile(big, '');
    await fs.truncate(big, 2 * MiB);

    const result = await reader().readFolder(url(path.join(root, 'adr')), [
      '.md',
    ]);
    if (result.status !== 'ok') throw new Error(result.reason);
    expect(
      result.files.map(f => path.relative(root, new URL(f.url).pathname)),
    ).toEqual([
      'adr/0001-db.MD',
      'adr/0002-queue.md',
      'adr/nested/0003-cache.md',
    ]);
    expect(result.files[0]).toMatchObject({
      text: '# 1',
      lastModified: expect.any(Date),
    });
    expect(result.skipped).toEqual([
      {
        url: url(path.join(root, 'adr/0004-binary.md')),
        reason: expect.stringMatching(/is not a text file$/),
      },
      {
        url: url(big),
        reason: `${url(big)} is 2 MB, more than ownership.docs.maxBytes (1 MB)`,
      },
    ]);
    expect(opened).not.toContain(big);
  });

  it('reads at most maxFiles of a folder with 1,500 files and lists the rest as skipped', async () => {
    const folder = path.join(root, 'many');
    await fs.mkdir(folder);
    await Promise.all(
      Array.from({ length: 1500 }, (_, i) =>
        fs.writeFile(
          path.join(folder, `adr-${String(i).padStart(4, '0')}.md`),
          `# ADR ${i}\n`,
        ),
      ),
    );
    opened.length = 0;

    const result = await reader().readFolder(url(folder), ['.md']);
    if (result.status !== 'ok') throw new Error(result.reason);
    expect(result.files).toHaveLength(200);
    expect(result.files[0].text).toBe('# ADR 0\n');
    expect(result.files[199].url).toBe(url(path.join(folder, 'adr-0199.md')));
    expect(result.skipped).toHaveLength(1300);
    expect(result.skipped[0]).toEqual({
      url: url(path.join(folder, 'adr-0200.md')),
      reason: 'more than ownership.docs.maxFiles (200) files',
    });
    expect(opened.length).toBeLessThanOrEqual(200);

    const smaller = await reader({ maxFiles: 10 }).readFolder(url(folder), [
      '.md',
    ]);
    if (smaller.status !== 'ok') throw new Error(smaller.reason);
    expect(smaller.files).toHaveLength(10);
    expect(smaller.skipped).toHaveLength(1490);
    expect(smaller.skipped[0].reason).toBe(
      'more than ownership.docs.maxFiles (10) files',
    );
  });

  it('keeps local reads within the concurrency bound', async () => {
    const folder = path.join(root, 'bounded');
    await writeFiles(
      folder,
      Object.fromEntries(
        Array.from({ length: 40 }, (_, i) => [`doc-${i}.md`, `# ${i}`]),
      ),
    );
    let inFlight = 0;
    let most = 0;
    const realStat = fsModule.promises.stat;
    jest.spyOn(fsModule.promises, 'stat').mockImplementation((async (
      file: string,
      ...rest: any[]
    ) => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      await new Promise(resolve => setTimeout(resolve, 2));
      try {
        return await (realStat as any)(file, ...rest);
      } finally {
        inFlight -= 1;
      }
    }) as any);
    const result = await reader({ concurrency: 3 }).readFolder(url(folder), [
      '.md',
    ]);
    if (result.status !== 'ok') throw new Error(result.reason);
    expect(result.files).toHaveLength(40);
    expect(most).toBeLessThanOrEqual(3);
    expect(most).toBeGreaterThan(1);
  });
});
