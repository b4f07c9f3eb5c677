import { ruleCategory } from '@ownership-portal/plugin-ownership-common';
import type { OwnershipRule } from './types';

const SEVERITIES = new Set(['error', 'warning', 'info']);

/**
 * Checks that a rule is well-formed; throws a `TypeError` naming the rule and
 * the bad field otherwise.
 *
 * @public
 */
export function validateRule(rule: OwnershipRule): void {
  const name = typeof rule?.id === 'string' ? `"${rule.id}"` : '(without id)';
  if (typeof rule?.id !== 'string') {
    throw new TypeError(`Ownership rule ${name}: id must be a string`);
  }
  ruleCategory(rule.id);
  if (!SEVERITIES.has(rule.defaultSeverity)) {
    throw new TypeError(
      `Ownership rule ${name}: defaultSeverity must be error, warning or info, got "${rule.defaultSeverity}"`,
    );
  }
  for (const field of ['description', 'remediation'] as const) {
    if (typeof rule[field] !== 'string' || !rule[field].trim()) {
      throw new TypeError(
        `Ownership rule ${name}: ${field} must be a non-empty string`,
      );
    }
  }
  if (typeof rule.evaluate !== 'function') {
    throw new TypeError(`Ownership rule ${name}: evaluate must be a function`);
  }
}
