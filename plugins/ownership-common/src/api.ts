import type { Severity } from './rules';

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
 * A rule registered with the backend, as `GET /api/ownership/rules` lists it.
 *
 * @public
 */
export interface RuleDescription {
  id: string;
  defaultSeverity: Severity;
  description: string;
  remediation: string;
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
  /** Entities audited so far. */
  processed: number;
  /** Entities to audit, once known. */
  total?: number;
  /** Why the run failed. */
  error?: string;
}

/**
 * `GET /api/ownership/runs/latest`.
 *
 * @public
 */
export interface LatestRunResponse {
  /** The most recently started run; `null` before the first run. */
  run: AuditRun | null;
}
