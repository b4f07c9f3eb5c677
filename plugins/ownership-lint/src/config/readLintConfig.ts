import { ConfigReader, type Config } from '@backstage/config';
import { type Document, LineCounter, parseDocument, type Node } from 'yaml';
import { LintUsageError } from '../cli/errors';
import { readTextFile } from '../cli/readTextFile';
import { yamlSyntaxError } from '../cli/yamlSyntaxError';

/** The default configuration file, looked up in the working directory. */
export const DEFAULT_CONFIG_FILE = '.ownership-lint.yaml';

/** The top-level keys a configuration file may have. */
const CONFIG_KEYS: ReadonlySet<string> = new Set(['rules', 'scope', 'owners']);

/**
 * Lists of strings the file may set besides `rules`, with the same keys as
 * app-config's `ownership.scope` and `ownership.owners`.
 */
const LIST_SETTINGS: Record<string, { key: string; example: string }> = {
  scope: { key: 'operationalTypes', example: '[service, website]' },
  owners: { key: 'placeholders', example: '[unknown, tbd, todo]' },
};

const SEVERITIES = ['error', 'warning', 'info'];

/** A configuration file, read and checked. */
interface LintConfig {
  /** `{ ownership: { rules } }`, the shape {@link LintOptions.config} expects. */
  config: Config;
  /** Rule ids the file configures (`<category>.<name>`), to check against the known rules. */
  ruleIds: string[];
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A problem in the configuration file, with the path of the key. */
interface Problem {
  path: string[];
  message: string;
}

/**
 * Checks `rules` in the shape of app-config's `ownership.rules`:
 * category, then name, then `enabled`, `severity`, `lifecycles` and the
 * rule's thresholds. Returns the problems, each naming its key.
 */
function checkRules(rules: unknown): {
  problems: Problem[];
  ruleIds: string[];
} {
  const problems: Problem[] = [];
  const ruleIds: string[] = [];
  if (!isPlainObject(rules)) {
    return {
      problems: [
        {
          path: ['rules'],
          message:
            'rules must be a mapping of rule categories, e.g. "rules: { runbook: { stale: { maxAgeDays: 90 } } }"',
        },
      ],
      ruleIds,
    };
  }
  for (const [category, names] of Object.entries(rules)) {
    if (!isPlainObject(names)) {
      problems.push({
        path: ['rules', category],
        message: `rules.${category} must be a mapping of rule names, e.g. "${category}: { missing: { enabled: false } }"`,
      });
      continue;
    }
    for (const [name, settings] of Object.entries(names)) {
      const key = `rules.${category}.${name}`;
      ruleIds.push(`${category}.${name}`);
      if (!isPlainObject(settings)) {
        problems.push({
          path: ['rules', category, name],
          message: `${key} must be a mapping of settings (enabled, severity, lifecycles, thresholds)`,
        });
        continue;
      }
      if ('enabled' in settings && typeof settings.enabled !== 'boolean') {
        problems.push({
          path: ['rules', category, name, 'enabled'],
          message: `${key}.enabled must be true or false, got ${JSON.stringify(
            settings.enabled,
          )}`,
        });
      }
      if (
        'severity' in settings &&
        !SEVERITIES.includes(settings.severity as string)
      ) {
        problems.push({
          path: ['rules', category, name, 'severity'],
          message: `${key}.severity must be error, warning or info, got ${JSON.stringify(
            settings.severity,
          )}`,
        });
      }
      if ('lifecycles' in settings) {
        const lifecycles = settings.lifecycles;
        if (!isPlainObject(lifecycles)) {
          problems.push({
            path: ['rules', category, name, 'lifecycles'],
            message: `${key}.lifecycles must be a mapping of lifecycle to severity, e.g. "{ experimental: skip }"`,
          });
        } else {
          for (const [lifecycle, severity] of Object.entries(lifecycles)) {
            if (![...SEVERITIES, 'skip'].includes(severity as string)) {
              problems.push({
                path: ['rules', category, name, 'lifecycles', lifecycle],
                message: `${key}.lifecycles.${lifecycle} must be error, warning, info or skip, got ${JSON.stringify(
                  severity,
                )}`,
              });
            }
          }
        }
      }
    }
  }
  return { problems, ruleIds };
}

/** Checks `scope.operationalTypes` and `owners.placeholders`: non-empty lists of strings, no other keys. */
function checkLists(value: Record<string, unknown>): Problem[] {
  const problems: Problem[] = [];
  for (const [section, { key, example }] of Object.entries(LIST_SETTINGS)) {
    if (!(section in value)) continue;
    const settings = value[section];
    if (!isPlainObject(settings)) {
      problems.push({
        path: [section],
        message: `${section} must be a mapping, e.g. "${section}: { ${key}: ${example} }"`,
      });
      continue;
    }
    for (const other of Object.keys(settings).filter(k => k !== key)) {
      problems.push({
        path: [section, other],
        message: `${section}.${other} is not a setting (allowed: ${section}.${key})`,
      });
    }
    const list = settings[key];
    if (
      key in settings &&
      (!Array.isArray(list) ||
        list.length === 0 ||
        list.some(item => typeof item !== 'string' || item.trim() === ''))
    ) {
      problems.push({
        path: [section, key],
        message: `${section}.${key} must be a non-empty list of names, e.g. ${example}`,
      });
    }
  }
  return problems;
}

function lineOf(
  document: Document,
  lineCounter: LineCounter,
  path: string[],
): string {
  for (let depth = path.length; depth > 0; depth--) {
    const node = document.getIn(path.slice(0, depth), true) as Node | undefined;
    if (node?.range) {
      const { line, col } = lineCounter.linePos(node.range[0]);
      return `:${line}:${col}`;
    }
  }
  return '';
}

/**
 * Reads and checks a configuration file (`.ownership-lint.yaml`). Any problem
 * (unreadable file, YAML error, unknown top-level key, bad rule setting)
 * throws a {@link LintUsageError} naming the file and the key.
 *
 * @param file - absolute path of the file
 * @param display - how the file is named in messages
 */
export async function readLintConfig(
  file: string,
  display: string,
): Promise<LintConfig> {
  const text = await readTextFile(file, `config file ${display}`);
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter });
  const error = document.errors[0];
  if (error) {
    throw yamlSyntaxError(`config file ${display}`, error, lineCounter);
  }
  const value = document.toJS() ?? {};
  if (!isPlainObject(value)) {
    throw new LintUsageError(
      `config file ${display}: expected a mapping with "rules", "scope" or "owners", got ${
        Array.isArray(value) ? 'a list' : typeof value
      }`,
    );
  }
  const unknown = Object.keys(value).filter(key => !CONFIG_KEYS.has(key));
  if (unknown.length > 0) {
    throw new LintUsageError(
      `config file ${display}: unknown top-level key${
        unknown.length > 1 ? 's' : ''
      } ${unknown.map(k => `"${k}"`).join(', ')} (allowed: ${[
        ...CONFIG_KEYS,
      ].join(', ')})`,
    );
  }
  const rules = value.rules ?? {};
  const { problems, ruleIds } = checkRules(rules);
  problems.push(...checkLists(value));
  if (problems.length > 0) {
    throw new LintUsageError(
      problems
        .map(
          p =>
            `config file ${display}${lineOf(document, lineCounter, p.path)}: ${
              p.message
            }`,
        )
        .join('\n'),
    );
  }
  return {
    config: new ConfigReader({
      ownership: {
        rules,
        ...(value.scope ? { scope: value.scope } : {}),
        ...(value.owners ? { owners: value.owners } : {}),
      },
    } as any),
    ruleIds,
  };
}
