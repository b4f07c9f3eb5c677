import type { AuditRun } from '@ownership-portal/plugin-ownership-common';

/**
 * A run record as a caller may see it. How many entities a run audited is
 * an organisation-wide figure that counts entities the caller may not read,
 * so `processed` and `total` go only to callers with
 * `ownership.summary.read`.
 */
export function visibleRun(run: AuditRun, mayCount: boolean): AuditRun {
  if (mayCount) {
    return run;
  }
  const { processed: _processed, total: _total, ...rest } = run;
  return rest;
}
