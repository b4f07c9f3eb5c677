import {
  type MaturityLevel,
  ruleCategory,
  type Severity,
} from '@ownership-portal/plugin-ownership-common';

/**
 * The maturity level a rule's findings hold an entity below: a finding of a
 * level-2 rule caps the entity at level 1, and so on. Rules of categories the
 * portal does not know cap at level 3 (they keep an entity from "Healthy").
 * `slo.missing` is one of them: an SLO is part of "Healthy".
 */
export function gatedLevel(ruleId: string): 1 | 2 | 3 | 4 {
  switch (ruleCategory(ruleId)) {
    case 'owner':
      return 1;
    case 'oncall':
      return 2;
    case 'runbook':
      return ruleId === 'runbook.missing' ? 2 : 3;
    case 'adr':
      return 3;
    default:
      return 4;
  }
}

/**
 * 0 not owned, 1 Owned, 2 Operable (on-call and runbook), 3 Documented
 * (fresh runbooks, ADRs), 4 Healthy (no overdue debt, an SLO where one is asked): the highest level
 * whose rules and all lower levels' rules have no finding.
 */
export function maturityLevel(failedRuleIds: Iterable<string>): MaturityLevel {
  let level = 4;
  for (const id of failedRuleIds) {
    level = Math.min(level, gatedLevel(id) - 1);
  }
  return level as MaturityLevel;
}

const WEIGHTS: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

/**
 * 0–100: the share of applicable rules an entity passes, each rule weighted
 * by its effective severity (error 3, warning 2, info 1). 100 when no rule applies.
 */
export function score(
  applicable: Array<{ severity: Severity; passed: boolean }>,
): number {
  let total = 0;
  let passed = 0;
  for (const rule of applicable) {
    total += WEIGHTS[rule.severity];
    passed += rule.passed ? WEIGHTS[rule.severity] : 0;
  }
  return total === 0 ? 100 : Math.round((100 * passed) / total);
}
