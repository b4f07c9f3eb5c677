/**
 * A problem that stops ownership-lint before it can lint: a bad flag, an
 * unreadable file, a YAML syntax error or a bad configuration file. The CLI
 * prints the message and exits with code 2.
 */
export class LintUsageError extends Error {
  override name = 'LintUsageError';
}
