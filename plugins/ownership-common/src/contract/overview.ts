import type { Severity } from '../rules';

/**
 * The number of audited catalog entities of one kind.
 *
 * @public
 */
export interface KindCount {
  /** Entity kind as the catalog spells it, e.g. `Component`. */
  kind: string;
  /** How many entities of that kind are in the audit scope. */
  count: number;
}

/**
 * `GET /api/ownership/overview`: what the audit covers, read live from the
 * catalog (paginated, projected to the fields the overview needs).
 *
 * @public
 */
export interface OwnershipOverview {
  /** Entity kinds in the audit scope (`ownership.scope.kinds`). */
  scopeKinds: string[];
  /** Audited entities per kind, in the order of `scopeKinds`. */
  kinds: KindCount[];
  /** All audited entities. */
  total: number;
  /** Audited entities per `spec.lifecycle`; entities without one count as `unknown`. */
  lifecycles: Record<string, number>;
  /** When the overview was computed, ISO-8601. */
  generatedAt: string;
}

/**
 * A rule as configured in this backend (`GET /api/ownership/rules`).
 *
 * @public
 */
export interface RuleDescription {
  id: string;
  defaultSeverity: Severity;
  description: string;
  remediation: string;
  /** `ownership.rules.<id>.enabled`; a disabled rule never fires. */
  enabled: boolean;
  /** Effective severity for lifecycles without an override. */
  severity: Severity;
  /** Operational rules (`oncall.*`, `runbook.*`, `adr.*`) follow the lifecycle. */
  operational: boolean;
  /** Severity per lifecycle, or `skip` where the rule does not apply. */
  lifecycles: Record<string, Severity | 'skip'>;
  /** Thresholds and other settings under `ownership.rules.<id>`. */
  options: Record<string, unknown>;
}

/**
 * `GET /api/ownership/rules`.
 *
 * @public
 */
export interface RuleListResponse {
  items: RuleDescription[];
}

/**
 * An audit run.
 *
 * @public
 */
export interface AuditRun {
  id: number;
  status: 'running' | 'succeeded' | 'failed';
  /** `schedule` for scheduled runs, `manual` for `POST /runs`. */
  trigger: 'schedule' | 'manual';
  /** Entity ref of the user who started a manual run. */
  triggeredBy?: string;
  startedAt: string;
  finishedAt?: string;
  /**
   * Entities audited so far. Like `total`, an organisation-wide figure:
   * absent for callers without `ownership.summary.read`.
   */
  processed?: number;
  /** Entities to audit, once known. */
  total?: number;
  /** Why the run failed. */
  error?: string;
}

/**
 * `GET /api/ownership/runs`: recent runs, newest first.
 *
 * @public
 */
export interface RunListResponse {
  items: AuditRun[];
}
