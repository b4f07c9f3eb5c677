import { readFile } from 'node:fs/promises';
import { LintUsageError } from './errors';

/**
 * A file's text, or a {@link LintUsageError} (exit 2) that names the file
 * as `label` says, and why it could not be read.
 */
export async function readTextFile(
  file: string,
  label: string,
): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new LintUsageError(
      code === 'ENOENT'
        ? `${label}: no such file`
        : `${label}: cannot read the file (${code ?? String(error)})`,
    );
  }
}
