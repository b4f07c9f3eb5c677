import type { Finding } from '../record';
import type { AdrInfo, ReadState, RunbookInfo, TechDebtSummary } from './docs';
import type { OnCallAnswer } from './oncall';
import type { OwnerDetails, OwnerSummary, SuggestedOwner } from './owners';

/**
 * Maturity of a service: 0 not owned, 1 Owned, 2 Operable (on-call and
 * runbook), 3 Documented (fresh runbooks, ADRs), 4 Healthy (no overdue debt).
 *
 * @public
 */
export type MaturityLevel = 0 | 1 | 2 | 3 | 4;

/**
 * One audited entity in the latest run.
 *
 * @public
 */
export interface ServiceSummary {
  entityRef: string;
  kind: string;
  type?: string;
  title: string;
  lifecycle?: string;
  /** Full ref of the entity's System. */
  system?: string;
  owner: OwnerSummary;
  /** 0–100: the severity-weighted share of applicable rules the entity passes. */
  score: number;
  level: MaturityLevel;
  findings: Finding[];
}

/**
 * A page of a listing. `nextCursor` is absent on the last page.
 *
 * @public
 */
export interface Page<T> {
  items: T[];
  /**
   * Matches of the whole selection in the run that the caller may read in
   * the catalog; pages and cursors count readable items only.
   */
  totalItems: number;
  nextCursor?: string;
  /** The run the page was read from; every page of a listing comes from the same run. */
  runId: number;
  /** When that run finished, ISO-8601. */
  generatedAt: string;
}

/**
 * A service related to another one, with its owner.
 *
 * @public
 */
export interface RelatedService {
  entityRef: string;
  title?: string;
  kind: string;
  /** The catalog relation that links the two, e.g. `dependsOn` or `consumesApi`. */
  relation: string;
  /** The owner as of the same run; `undefined` when the entity is outside the audit. */
  owner?: OwnerSummary;
}

/**
 * An entity's state in one stored run.
 *
 * @public
 */
export interface HistoryPoint {
  runId: number;
  finishedAt: string;
  score: number;
  level: MaturityLevel;
  findingCount: number;
}

/**
 * `GET /services/:kind/:namespace/:name`.
 *
 * @public
 */
export interface ServiceDetails extends Omit<ServiceSummary, 'owner'> {
  owner: OwnerDetails;
  suggestedOwner?: SuggestedOwner;
  /** Who is on call now, asked live (cached about a minute); absent without a rotation. */
  oncall?: OnCallAnswer;
  /** Runbooks with freshness, as the latest run read them. */
  runbooks?: RunbookInfo[];
  /** ADRs from `backstage.io/adr-location`, as the latest run read them. */
  adrs?: AdrInfo[];
  /** Why the ADR location could not be read (fully or in part). */
  adrProblems?: string[];
  /** Set when the ADR folder could not be read just now: its last good read (`stale`) or nothing (`unknown`). */
  adrRead?: ReadState;
  /** Technical debt from the register and debt sources. */
  techDebt?: TechDebtSummary;
  description?: string;
  tags: string[];
  /** Services this one depends on, with their owners. */
  dependencies: RelatedService[];
  /** Services that depend on this one, with their owners. */
  dependents: RelatedService[];
  /** Oldest first. */
  history: HistoryPoint[];
  runId: number;
  generatedAt: string;
}

/**
 * One finding with the entity it belongs to (`GET /findings`).
 *
 * @public
 */
export interface FindingRecord extends Finding {
  entityRef: string;
  kind: string;
  title: string;
  lifecycle?: string;
  /** Full ref of the owner, when there is one. */
  ownerRef?: string;
}
