import { realpath, stat } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { LintUsageError } from '../cli/errors';
import { relativePath } from '../paths';
import { expandPattern, isPattern } from './glob';
import { isLocation, isUrlTarget, locationTargets } from './locationTargets';
import { readCatalogFile } from './readCatalogFile';
import type { DiscoveryResult } from './types';
import { findCatalogFiles } from './walk';

/** Where discovery runs. */
export interface DiscoverOptions {
  /** Relative paths on the command line resolve from here; messages name files relative to it. */
  cwd: string;
  /** The repository root: Location targets outside it are not followed. */
  root: string;
}

function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

async function startingFiles(paths: string[], cwd: string): Promise<string[]> {
  const files: string[] = [];
  for (const arg of paths) {
    const path = resolve(cwd, arg);
    let info;
    try {
      info = await stat(path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new LintUsageError(
        code === 'ENOENT'
          ? `${arg}: no such file or folder`
          : `${arg}: cannot read it (${code ?? String(error)})`,
      );
    }
    files.push(...(info.isDirectory() ? await findCatalogFiles(path) : [path]));
  }
  return files;
}

/**
 * Reads the catalog files under the given paths (folders are searched for
 * `catalog-info.yaml`/`.yml`) and follows the relative file targets of
 * `kind: Location` entities, each file once (by its real path, so cycles and
 * duplicates end). URL targets and targets outside the repository are listed
 * as skipped; a relative target that does not exist, like any unreadable file
 * or YAML error, or folders without any catalog file, throws a
 * {@link LintUsageError}.
 */
export async function discover(
  paths: string[],
  options: DiscoverOptions,
): Promise<DiscoveryResult> {
  const { cwd, root } = options;
  const display = (file: string) => relativePath(cwd, file);
  const result: DiscoveryResult = {
    entities: [],
    files: [],
    skippedTargets: [],
    notes: [],
  };
  const seen = new Set<string>();
  const given = paths.length > 0 ? paths : ['.'];
  const queue = await startingFiles(given, cwd);
  if (queue.length === 0) {
    // Most likely a wrong path in a CI job: passing silently would hide it.
    throw new LintUsageError(
      `no catalog-info.yaml or catalog-info.yml found in ${given.join(', ')}`,
    );
  }

  while (queue.length > 0) {
    const file = queue.shift()!;
    let real: string;
    try {
      real = await realpath(file);
    } catch {
      throw new LintUsageError(`${display(file)}: no such file`);
    }
    if (seen.has(real)) continue;
    seen.add(real);

    const contents = await readCatalogFile(file, display(file));
    result.files.push(file);
    result.entities.push(...contents.entities);
    result.notes.push(...contents.notes);

    for (const located of contents.entities.filter(isLocation)) {
      for (const { target, line, column } of locationTargets(located)) {
        const skip = (reason: string) =>
          result.skippedTargets.push({ file, line, column, target, reason });
        if (isUrlTarget(target)) {
          skip('a URL: ownership-lint reads local files only');
          continue;
        }
        const base = dirname(file);
        if (isPattern(target)) {
          const matches = await expandPattern(base, target);
          const inside = matches.filter(match => isInside(root, match));
          if (inside.length < matches.length) {
            skip('matches files outside the repository');
          } else if (matches.length === 0) {
            result.notes.push({
              file,
              line,
              column,
              message: `Location target "${target}" matches no files`,
            });
          }
          queue.push(...inside);
          continue;
        }
        const path = resolve(base, target);
        if (!isInside(root, path)) {
          skip('outside the repository');
          continue;
        }
        try {
          await stat(path);
        } catch {
          throw new LintUsageError(
            `${display(
              file,
            )}:${line}:${column}: Location target "${target}" does not exist (${display(
              path,
            )})`,
          );
        }
        queue.push(path);
      }
    }
  }
  return result;
}
