/**
 * Stable ids of the audit rules. These ids are part of the public contract:
 * configuration (`ownership.rules.<id>`), stored findings and links use them.
 *
 * @public
 */
export const RULE_IDS = [
  'owner.missing',
  'owner.unresolved',
  'owner.individual',
  'owner.empty-team',
  'owner.disputed',
  'owner.codeowners-mismatch',
  'oncall.missing',
  'oncall.gap',
  'oncall.annotation-invalid',
  'runbook.missing',
  'runbook.stale',
  'runbook.unreachable',
  'adr.missing',
  'adr.stale-proposal',
  'techdebt.overdue',
  'techdebt.untriaged',
  'techdebt.register-invalid',
  'slo.missing',
] as const;

/**
 * The id of a built-in audit rule.
 *
 * @public
 */
export type RuleId = (typeof RULE_IDS)[number];

/**
 * The area a rule belongs to: the part of its id before the first dot.
 *
 * @public
 */
export type RuleCategory =
  | 'owner'
  | 'oncall'
  | 'runbook'
  | 'adr'
  | 'techdebt'
  | 'slo';

const ruleIdSet: ReadonlySet<string> = new Set(RULE_IDS);

/**
 * Tells whether a string is the id of a built-in rule.
 *
 * @public
 */
export function isRuleId(value: string): value is RuleId {
  return ruleIdSet.has(value);
}

/**
 * Returns the category of a rule id, e.g. `runbook` for `runbook.stale`.
 * Rule ids from backend modules follow the same `<category>.<name>` form.
 *
 * @public
 */
export function ruleCategory(ruleId: string): string {
  const dot = ruleId.indexOf('.');
  if (dot <= 0 || dot === ruleId.length - 1) {
    throw new TypeError(
      `Invalid rule id "${ruleId}": expected "<category>.<name>", e.g. "owner.missing"`,
    );
  }
  return ruleId.slice(0, dot);
}
