import { type Config, ConfigReader } from '@backstage/config';
import {
  ruleCategory,
  type Severity,
} from '@ownership-portal/plugin-ownership-common';
import type { OwnershipRule } from '../rules/types';

/** What a rule's severity can be for one lifecycle. */
export type LifecycleSeverity = Severity | 'skip';

const SEVERITIES: ReadonlySet<string> = new Set(['error', 'warning', 'info']);
const OPERATIONAL_CATEGORIES: ReadonlySet<string> = new Set([
  'oncall',
  'runbook',
  'adr',
]);

/** The effective configuration of one rule. */
export interface RuleSettings {
  enabled: boolean;
  /** Severity for lifecycles without an override. */
  severity: Severity;
  operational: boolean;
  /** Per-lifecycle severity, lower-cased lifecycle names. */
  lifecycles: Record<string, LifecycleSeverity>;
  /** `ownership.rules.<id>`, for the rule's thresholds. */
  options: Config;
}

/** True for on-call, runbook and ADR rules, whose weight follows the lifecycle. */
function isOperationalRule(ruleId: string): boolean {
  return OPERATIONAL_CATEGORIES.has(ruleCategory(ruleId));
}

function readSeverity(
  config: Config,
  key: string,
  path: string,
  allowSkip: boolean,
): LifecycleSeverity | undefined {
  const value = config.getOptionalString(key);
  if (value === undefined) {
    return undefined;
  }
  if (SEVERITIES.has(value) || (allowSkip && value === 'skip')) {
    return value as LifecycleSeverity;
  }
  throw new Error(
    `Invalid config at ${path}: expected error, warning, info${
      allowSkip ? ' or skip' : ''
    }, got "${value}"`,
  );
}

/**
 * Reads `ownership.rules.<id>` for a rule. Operational rules default to error
 * for production, info for experimental and skip deprecated entities; an
 * explicit `lifecycles` map overrides any default.
 */
export function readRuleSettings(
  root: Config,
  rule: OwnershipRule,
): RuleSettings {
  const path = `ownership.rules.${rule.id}`;
  const options = root.getOptionalConfig(path) ?? new ConfigReader({});
  const configured = readSeverity(
    options,
    'severity',
    `${path}.severity`,
    false,
  ) as Severity | undefined;
  const severity = configured ?? rule.defaultSeverity;
  const operational = isOperationalRule(rule.id);

  const lifecycles: Record<string, LifecycleSeverity> = operational
    ? {
        production: configured ?? 'error',
        experimental: 'info',
        deprecated: 'skip',
      }
    : {};
  const overrides = options.getOptionalConfig('lifecycles');
  for (const lifecycle of overrides?.keys() ?? []) {
    lifecycles[lifecycle.toLocaleLowerCase('en-US')] = readSeverity(
      overrides!,
      lifecycle,
      `${path}.lifecycles.${lifecycle}`,
      true,
    )!;
  }

  return {
    enabled: options.getOptionalBoolean('enabled') ?? true,
    severity,
    operational,
    lifecycles,
    options,
  };
}

/** The severity a rule has for an entity's lifecycle, or `skip`. */
export function severityFor(
  settings: RuleSettings,
  lifecycle: string | undefined,
): LifecycleSeverity {
  const key = lifecycle?.toLocaleLowerCase('en-US');
  return (key && settings.lifecycles[key]) || settings.severity;
}
