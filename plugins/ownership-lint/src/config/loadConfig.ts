import { ConfigReader, type Config } from '@backstage/config';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { LintUsageError } from '../cli/errors';
import type { LintReport } from '../lint/types';
import { relativePath } from '../paths';
import { DEFAULT_CONFIG_FILE, readLintConfig } from './readLintConfig';

/** The configuration a run uses, and where it came from. */
interface LoadedConfig {
  config: Config;
  /** Rule ids the file configures. */
  ruleIds: string[];
  /** The file as messages name it; empty without a file. */
  display: string;
}

/**
 * Reads `--config`, or `.ownership-lint.yaml` in the working directory when
 * it exists; without either, an empty configuration (the rules' defaults).
 */
export async function loadConfig(
  configOption: string | undefined,
  cwd: string,
): Promise<LoadedConfig> {
  const explicit = configOption !== undefined;
  const file = resolve(cwd, configOption ?? DEFAULT_CONFIG_FILE);
  if (!explicit && !existsSync(file)) {
    return {
      config: new ConfigReader({}),
      ruleIds: [] as string[],
      display: '',
    };
  }
  const display = relativePath(cwd, file);
  return { ...(await readLintConfig(file, display)), display };
}

/**
 * Throws a {@link LintUsageError} naming the rule ids the configuration file
 * sets that the lint does not know (e.g. a typo), with the known ones.
 */
export function checkConfiguredRules(
  ruleIds: string[],
  display: string,
  report: LintReport,
) {
  const known = new Set([
    ...report.rules.map(rule => rule.id),
    ...report.skipped.map(skipped => skipped.ruleId),
  ]);
  const unknown = ruleIds.filter(id => !known.has(id));
  if (unknown.length > 0) {
    throw new LintUsageError(
      `config file ${display}: unknown rule${
        unknown.length > 1 ? 's' : ''
      } ${unknown.join(', ')} (known: ${[...known].sort().join(', ')})`,
    );
  }
}
