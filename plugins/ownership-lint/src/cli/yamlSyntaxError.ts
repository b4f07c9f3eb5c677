import type { LineCounter, YAMLError } from 'yaml';
import { LintUsageError } from './errors';

/** A YAML parse error as a {@link LintUsageError} naming `label:line:column` and the reason. */
export function yamlSyntaxError(
  label: string,
  error: YAMLError,
  lineCounter: LineCounter,
): LintUsageError {
  const { line, col } = lineCounter.linePos(error.pos[0]);
  const reason = error.message
    .split('\n')[0]
    .replace(/ at line \d+, column \d+:?$/, '');
  return new LintUsageError(
    `${label}:${line}:${col}: YAML syntax error: ${reason}`,
  );
}
