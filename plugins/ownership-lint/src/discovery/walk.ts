import type { Dirent } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

/** Folders never searched: dependencies, version control and build output. */
export const SKIPPED_FOLDERS: ReadonlySet<string> = new Set([
  'node_modules',
  '.git',
  'dist',
]);

/** Names of the files discovery looks for in folders. */
const CATALOG_FILE_NAMES: ReadonlySet<string> = new Set([
  'catalog-info.yaml',
  'catalog-info.yml',
]);

/** The entries of a folder sorted by name, so output is the same on every machine. */
export async function sortedEntries(folder: string): Promise<Dirent[]> {
  const entries = await readdir(folder, { withFileTypes: true });
  // Code-unit order (names in one folder are unique), the same in every locale.
  return entries.sort((a, b) => (a.name < b.name ? -1 : 1));
}

/**
 * Finds `catalog-info.yaml` and `catalog-info.yml` files under a folder,
 * recursively, skipping {@link SKIPPED_FOLDERS} and symbolic links (which
 * could loop). Returns absolute paths in a stable order.
 */
export async function findCatalogFiles(folder: string): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await sortedEntries(folder)) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_FOLDERS.has(entry.name)) {
        found.push(...(await findCatalogFiles(path)));
      }
    } else if (entry.isFile() && CATALOG_FILE_NAMES.has(entry.name)) {
      found.push(path);
    }
  }
  return found;
}
