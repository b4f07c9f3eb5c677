import { isAbsolute, relative, sep } from 'node:path';

/**
 * A path relative to `base` with forward slashes, for output and SARIF URIs.
 * Paths outside `base` keep their `../` steps; a path on another drive stays absolute.
 */
export function relativePath(base: string, file: string): string {
  const rel = relative(base, file);
  if (rel === '') {
    return '.';
  }
  return (isAbsolute(rel) ? rel : rel).split(sep).join('/');
}
