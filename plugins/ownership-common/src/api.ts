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
