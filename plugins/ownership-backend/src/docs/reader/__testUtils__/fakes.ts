import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CacheService } from '@backstage/backend-plugin-api';
import type { JsonValue } from '@backstage/types';

/** An in-memory CacheService that records what it is asked. */
export function memoryCache() {
  const store = new Map<string, JsonValue>();
  const cache = {
    store,
    get: jest.fn(async (key: string) => store.get(key)),
    set: jest.fn(
      async (key: string, value: JsonValue, _options?: { ttl?: unknown }) => {
        store.set(key, JSON.parse(JSON.stringify(value)));
      },
    ),
    delete: jest.fn(async (key: string) => {
      store.delete(key);
    }),
    withOptions: () => cache,
  };
  return cache as typeof cache & CacheService;
}

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
