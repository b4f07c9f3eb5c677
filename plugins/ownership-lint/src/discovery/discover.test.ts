import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  brokenRepository,
  copyFixture,
  fixture,
} from '../__testUtils__/fixtures';
import { relativePath } from '../paths';
import { discover } from './discover';

function names(result: Awaited<ReturnType<typeof discover>>) {
  return result.entities.map(
    e => `${e.entity.kind}:${e.entity.metadata?.name}`,
  );
}

describe('discover', () => {
  it('reads catalog-info.yaml and follows the relative targets of its Location, globs included', async () => {
    const root = fixture('payments-service');
    const result = await discover(['.'], { cwd: root, root });

    expect(result.files.map(f => relativePath(root, f))).toEqual([
      'catalog-info.yaml',
      'catalog/api.yaml',
      'catalog/refund-worker.yaml',
      'catalog/settlement-worker.yaml',
    ]);
    expect(names(result)).toEqual([
      'Location:payments-service-entities',
      'Component:payments-service',
      'Component:payments-reconciler',
      'API:payments-api',
      'Component:refund-worker',
      'Component:settlement-worker',
    ]);
    expect(result.skippedTargets).toEqual([
      {
        file: join(root, 'catalog-info.yaml'),
        line: 11,
        column: 7,
        target:
          'https://github.com/acme-logistics/shared-catalog/blob/main/catalog-info.yaml',
        reason: 'a URL: ownership-lint reads local files only',
      },
    ]);
    // The trailing `---` leaves an empty document, which the catalog ignores too.
    expect(result.notes).toEqual([
      {
        file: join(root, 'catalog-info.yaml'),
        line: 50,
        column: 1,
        message: 'document 4 is empty (ignored)',
      },
    ]);
  });

  it('gives each entity the positions of its fields', async () => {
    const root = fixture('payments-service');
    const result = await discover(['catalog-info.yaml'], { cwd: root, root });
    const service = result.entities.find(
      e => e.entity.metadata?.name === 'payments-service',
    )!;

    expect(service.start).toEqual({ line: 13, column: 1 });
    expect(service.position(['spec', 'owner'])).toEqual({
      line: 34,
      column: 10,
    });
    expect(
      service.position([
        'metadata',
        'annotations',
        'backstage.io/adr-location',
      ]),
    ).toEqual({ line: 23, column: 32 });
    expect(service.position(['metadata', 'links', 0, 'url'])).toEqual({
      line: 28,
      column: 12,
    });
    // Absent: the nearest existing parent's key.
    expect(service.position(['spec', 'dependsOn'])).toEqual({
      line: 31,
      column: 1,
    });
    expect(
      service.position(['metadata', 'annotations', 'ownership-portal/slo']),
    ).toEqual({ line: 20, column: 3 });
  });

  it('reads each file once: duplicate targets and cycles end, targets outside the repository are skipped', async () => {
    const root = fixture('location-cycle');
    const result = await discover([], { cwd: root, root });

    expect(result.files.map(f => relativePath(root, f))).toEqual([
      'catalog-info.yaml',
      'team/catalog-info.yaml',
    ]);
    expect(names(result)).toEqual([
      'Location:root',
      'Component:cycle-root',
      'Location:team',
      'Component:cycle-team',
    ]);
    expect(result.skippedTargets).toEqual([
      expect.objectContaining({
        target: '../outside.yaml',
        reason: 'outside the repository',
        line: 9,
        column: 7,
      }),
    ]);
  });

  it('searches folders for catalog-info.yaml and .yml, skipping node_modules, .git and dist', async () => {
    const { dir, cleanup } = await copyFixture('monorepo');
    try {
      for (const folder of [
        'node_modules/some-package',
        'dist',
        '.git/objects',
      ]) {
        await mkdir(join(dir, folder), { recursive: true });
        await writeFile(
          join(dir, folder, 'catalog-info.yaml'),
          'kind: Component\nmetadata:\n  name: not-read\n',
        );
      }
      const result = await discover(['.'], { cwd: dir, root: dir });
      expect(result.files.map(f => relativePath(dir, f))).toEqual([
        'services/orders/catalog-info.yaml',
        'services/shipping/catalog-info.yml',
      ]);
      expect(names(result)).toEqual([
        'Component:orders-service',
        'Component:shipping-service',
      ]);
    } finally {
      await cleanup();
    }
  });

  it('names the file, line and column of a YAML syntax error', async () => {
    const { dir, cleanup } = await brokenRepository();
    try {
      await expect(discover(['.'], { cwd: dir, root: dir })).rejects.toThrow(
        /^catalog-info\.yaml:8:\d+: YAML syntax error: /,
      );
    } finally {
      await cleanup();
    }
  });

  it('refuses a document that is not a mapping, naming where it is', async () => {
    const root = fixture('not-entity');
    await expect(discover(['.'], { cwd: root, root })).rejects.toThrow(
      'catalog-info.yaml:10:1: document 2 is a string ("just a string"), not an entity (expected a mapping with apiVersion, kind, metadata and spec)',
    );
  });

  it('ignores the catalog files of software template skeletons, but not the templates', async () => {
    const { dir, cleanup } = await copyFixture('payments-service');
    try {
      await mkdir(join(dir, 'templates/service/skeleton'), { recursive: true });
      await writeFile(
        join(dir, 'templates/service/skeleton/catalog-info.yaml'),
        [
          'apiVersion: backstage.io/v1alpha1',
          'kind: Component',
          'metadata:',
          '  name: ${{values.component_id | dump}}',
          'spec:',
          '  type: service',
          '  owner: ${{values.owner | dump}}',
          '',
        ].join('\n'),
      );
      await writeFile(
        join(dir, 'templates/service/catalog-info.yaml'),
        [
          'apiVersion: scaffolder.backstage.io/v1beta3',
          'kind: Template',
          'metadata:',
          '  name: service',
          'spec:',
          '  owner: group:default/platform',
          '  steps:',
          '    - id: fetch',
          '      action: fetch:template',
          '      input:',
          '        values:',
          '          name: ${{ parameters.name }}',
          '',
        ].join('\n'),
      );
      const result = await discover(['.'], { cwd: dir, root: dir });
      expect(names(result)).toContain('Template:service');
      expect(names(result).some(n => n.includes('values'))).toBe(false);
      expect(
        result.notes.map(n => [relativePath(dir, n.file), n.line, n.message]),
      ).toContainEqual([
        'templates/service/skeleton/catalog-info.yaml',
        1,
        'document 1 holds software template expressions (${{ … }}): a template skeleton, not an entity (ignored)',
      ]);
    } finally {
      await cleanup();
    }
  });

  it('refuses folders without any catalog file', async () => {
    const root = fixture('payments-service');
    await expect(
      discover(['docs', 'catalog/../docs'], { cwd: root, root }),
    ).rejects.toThrow(
      'no catalog-info.yaml or catalog-info.yml found in docs, catalog/../docs',
    );
  });

  it('names a path that does not exist, and a Location target that does not exist', async () => {
    const root = fixture('payments-service');
    await expect(
      discover(['no-such-folder'], { cwd: root, root }),
    ).rejects.toThrow('no-such-folder: no such file or folder');

    const { dir, cleanup } = await copyFixture('location-cycle');
    try {
      await writeFile(
        join(dir, 'catalog-info.yaml'),
        'kind: Location\nmetadata:\n  name: l\nspec:\n  target: ./gone.yaml\n',
      );
      await expect(discover(['.'], { cwd: dir, root: dir })).rejects.toThrow(
        'catalog-info.yaml:5:11: Location target "./gone.yaml" does not exist (gone.yaml)',
      );
    } finally {
      await cleanup();
    }
  });
});
