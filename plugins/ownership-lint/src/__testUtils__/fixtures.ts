import { cp, mkdtemp, rm } from 'node:fs/promises';
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
