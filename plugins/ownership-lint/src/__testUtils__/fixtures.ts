import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** Absolute path of a fixture repository under src/__fixtures__. */
export function fixture(name: string): string {
  return resolve(__dirname, '..', '__fixtures__', name);
}

/** Copies a fixture repository to a fresh temporary folder; `cleanup` removes it. */
export async function copyFixture(
  name: string,
): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), `ownership-lint-${name}-`));
  await cp(fixture(name), dir, { recursive: true });
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/**
 * A catalog-info.yaml with a YAML syntax error: the flow sequence opened on
 * line 7 is never closed, which the parser reports on line 8. Written at test
 * time, as a committed file would fail the repository's formatting check.
 */
const BROKEN_CATALOG_INFO = [
  'apiVersion: backstage.io/v1alpha1',
  'kind: Component',
  'metadata:',
  '  name: broken-service',
  'spec:',
  '  type: service',
  '  owner: [group:default/payments',
  '  lifecycle: production',
  '',
].join('\n');

/** A temporary repository whose catalog-info.yaml is {@link BROKEN_CATALOG_INFO}. */
export async function brokenRepository(): Promise<{
  dir: string;
  cleanup: () => Promise<void>;
}> {
  const dir = await mkdtemp(join(tmpdir(), 'ownership-lint-broken-'));
  await writeFile(join(dir, 'catalog-info.yaml'), BROKEN_CATALOG_INFO);
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}
