import type { Severity } from '@ownership-portal/plugin-ownership-common';
import type { LintFinding } from '../lint/types';

/** The values of `--fail-on`. */
export const FAIL_ON = ['error', 'warning', 'info', 'never'] as const;

/** One of {@link FAIL_ON}. */
export type FailOn = (typeof FAIL_ON)[number];

const RANK: Record<Severity, number> = { info: 1, warning: 2, error: 3 };

/** Tells whether any finding is at or above the `--fail-on` severity (never for `never`). */
export function failsOn(findings: LintFinding[], failOn: FailOn): boolean {
  if (failOn === 'never') {
    return false;
  }
  return findings.some(finding => RANK[finding.severity] >= RANK[failOn]);
}
