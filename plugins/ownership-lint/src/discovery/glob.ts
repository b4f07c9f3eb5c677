import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { SKIPPED_FOLDERS, sortedEntries } from './walk';

/** Tells whether a Location target is a pattern (`*`, `?` or `**`) rather than one file. */
export function isPattern(target: string): boolean {
  return /[*?]/.test(target);
}

function segmentRegExp(segment: string): RegExp {
  const source = segment
    .split('')
    .map(char => {
      if (char === '*') return '[^/]*';
      if (char === '?') return '[^/]';
      return char.replace(/[.+^${}()|[\]\\]/g, '\\$&');
    })
    .join('');
  return new RegExp(`^${source}$`);
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

async function expand(base: string, segments: string[]): Promise<string[]> {
  if (segments.length === 0) {
    return (await isFile(base)) ? [base] : [];
  }
  const [segment, ...rest] = segments;
  if (!isPattern(segment)) {
    return expand(join(base, segment), rest);
  }
  let entries;
  try {
    entries = await sortedEntries(base);
  } catch {
    return [];
  }
  const results: string[] = [];
  if (segment === '**') {
    results.push(...(await expand(base, rest)));
    for (const entry of entries) {
      if (
        entry.isDirectory() &&
        !SKIPPED_FOLDERS.has(entry.name) &&
        !entry.name.startsWith('.')
      ) {
        results.push(...(await expand(join(base, entry.name), segments)));
      }
    }
    return results;
  }
  const pattern = segmentRegExp(segment);
  for (const entry of entries) {
    // Like shells, `*` does not match names starting with a dot.
    if (entry.name.startsWith('.') && !segment.startsWith('.')) continue;
    if (pattern.test(entry.name)) {
      results.push(...(await expand(join(base, entry.name), rest)));
    }
  }
  return results;
}

/**
 * Expands a relative file pattern against a folder: `*` and `?` match within
 * one path segment, `**` matches any number of folders. Returns the absolute
 * paths of matching files, de-duplicated, in a stable order.
 */
export async function expandPattern(
  base: string,
  pattern: string,
): Promise<string[]> {
  const segments = pattern.split('/').filter(s => s !== '' && s !== '.');
  return [...new Set(await expand(base, segments))];
}
