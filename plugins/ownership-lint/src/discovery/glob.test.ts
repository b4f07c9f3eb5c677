import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { expandPattern, isPattern } from './glob';

describe('expandPattern', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ownership-lint-glob-'));
    for (const file of [
      'catalog/a.yaml',
      'catalog/b.yml',
      'catalog/.hidden.yaml',
      'catalog/team-1/c.yaml',
      'catalog/team-2/deep/d.yaml',
      'catalog/node_modules/x/e.yaml',
    ]) {
      await mkdir(join(dir, file, '..'), { recursive: true });
      await writeFile(join(dir, file), 'kind: Component\n');
    }
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  const expand = async (pattern: string) =>
    (await expandPattern(dir, pattern)).map(file =>
      relative(dir, file).split('\\').join('/'),
    );

  it('tells patterns from paths', () => {
    expect(isPattern('./catalog/*.yaml')).toBe(true);
    expect(isPattern('./catalog/a.yaml')).toBe(false);
  });

  it('matches * and ? within one folder, without hidden files', async () => {
    expect(await expand('./catalog/*.yaml')).toEqual(['catalog/a.yaml']);
    expect(await expand('catalog/?.y*')).toEqual([
      'catalog/a.yaml',
      'catalog/b.yml',
    ]);
    expect(await expand('./catalog/team-*/c.yaml')).toEqual([
      'catalog/team-1/c.yaml',
    ]);
  });

  it('matches ** across folders, skipping node_modules', async () => {
    expect(await expand('catalog/**/*.yaml')).toEqual([
      'catalog/a.yaml',
      'catalog/team-1/c.yaml',
      'catalog/team-2/deep/d.yaml',
    ]);
  });

  it('matches nothing in a folder that does not exist', async () => {
    expect(await expand('missing/*.yaml')).toEqual([]);
  });
});
