import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A fresh folder under the OS temp folder, with its real path (no symlinks). */
export async function tempFolder(prefix = 'ownership-docs-'): Promise<string> {
  return fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), prefix)));
}

/** Writes files given as `{ 'a/b.md': 'text' }` under `root`. */
export async function writeFiles(
  root: string,
  files: Record<string, string | Buffer>,
): Promise<void> {
  for (const [relative, content] of Object.entries(files)) {
    const file = path.join(root, relative);
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.writeFile(file, content);
  }
}

/** A promise with its resolve function, to hold a fake call open. */
export function deferred<T = void>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>(r => {
    resolve = r;
  });
  return { promise, resolve };
}
