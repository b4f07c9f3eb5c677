import { promises as fs } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { memoryCache } from '../../__testUtils__/cache';
import { DocumentReaderService } from '../reader/DocumentReaderService';
import { tempFolder, writeFiles } from '../reader/__testUtils__/fakes';
import { CodeownersReader } from './CodeownersReader';
import { repositoryRoot } from './repositoryRoot';

describe('CodeownersReader with local repositories', () => {
  let base: string;
  let root: string;

  beforeEach(async () => {
    base = await tempFolder('ownership-codeowners-');
    root = path.join(base, 'repos');
    await writeFiles(root, {
      'payments/catalog-info.yaml': 'kind: Component\n',
      'payments/docs/CODEOWNERS': '* @acme/payments\n',
      'checkout/catalog-info.yaml': 'kind: Component\n',
      'checkout/.github/CODEOWNERS': '* @acme/checkout\n',
      'checkout/CODEOWNERS': '* @acme/not-this-one\n',
      'empty/catalog-info.yaml': 'kind: Component\n',
    });
    await writeFiles(base, {
      'outside/catalog-info.yaml': 'kind: Component\n',
      'outside/CODEOWNERS': '* @acme/secret\n',
    });
  });

  afterEach(async () => {
    await fs.rm(base, { recursive: true, force: true });
  });

  function reader() {
    return CodeownersReader.create({
      reader: DocumentReaderService.create({
        config: new ConfigReader({
          ownership: { docs: { localRoots: [root] } },
        }),
        urlReader: mockServices.urlReader.mock(),
        cache: memoryCache(),
      }),
    });
  }

  /** The repository root of an entity managed by a local catalog file. */
  function rootOf(folder: string): string {
    return repositoryRoot({
      'backstage.io/managed-by-location': `file:${path.join(
        folder,
        'catalog-info.yaml',
      )}`,
    })!;
  }

  it('takes the folder of the catalog file as the repository root', () => {
    expect(rootOf(path.join(root, 'payments'))).toBe(
      `${pathToFileURL(path.join(root, 'payments')).href}/`,
    );
  });

  it('reads .github/CODEOWNERS before CODEOWNERS, and docs/CODEOWNERS last', async () => {
    const codeowners = reader();
    await expect(
      codeowners.read(rootOf(path.join(root, 'checkout'))),
    ).resolves.toEqual({
      url: pathToFileURL(path.join(root, 'checkout/.github/CODEOWNERS')).href,
      path: '.github/CODEOWNERS',
      defaultOwners: ['@acme/checkout'],
    });
    await expect(
      codeowners.read(rootOf(path.join(root, 'payments'))),
    ).resolves.toMatchObject({
      path: 'docs/CODEOWNERS',
      defaultOwners: ['@acme/payments'],
    });
  });

  it('is absent for a repository without the file, and for one outside ownership.docs.localRoots', async () => {
    const codeowners = reader();
    await expect(
      codeowners.read(rootOf(path.join(root, 'empty'))),
    ).resolves.toBeUndefined();
    await expect(
      codeowners.read(rootOf(path.join(base, 'outside'))),
    ).resolves.toBeUndefined();
  });
});
