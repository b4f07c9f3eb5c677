import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The repository root for a working directory: the nearest folder at or
 * above it holding `.git`, else the working directory itself.
 */
export function findRepoRoot(cwd: string): string {
  let folder = cwd;
  for (;;) {
    if (existsSync(join(folder, '.git'))) {
      return folder;
    }
    const parent = dirname(folder);
    if (parent === folder) {
      return cwd;
    }
    folder = parent;
  }
}
