import type { SeverityCounts } from './teams';

/**
 * Org-wide figures of one run.
 *
 * @public
 */
export interface RunFigures {
  /** Audited entities. */
  services: number;
  /** Entities whose owner is a Group with members. */
  validOwner: number;
  /** Findings per rule id. */
  byRule: Record<string, number>;
  /** Entities with at least one finding, per rule id. */
  entitiesByRule: Record<string, number>;
  findings: SeverityCounts;
  /** Entities per maturity level, index 0 to 4. */
  levels: [number, number, number, number, number];
  averageScore: number;
}

/**
 * A point of the trend: one stored run.
 *
 * @public
 */
export interface TrendPoint extends RunFigures {
  runId: number;
  finishedAt: string;
  /** `validOwner / services`, 0 to 1. */
  validOwnerShare: number;
}

/**
 * `GET /summary`.
 *
 * @public
 */
export interface SummaryResponse {
  runId: number;
  generatedAt: string;
  figures: RunFigures;
  /** `figures.validOwner / figures.services`, 0 to 1. */
  validOwnerShare: number;
  /** Share of audited entities with at least one finding of each rule, 0 to 1. */
  ruleShares: Record<string, number>;
  /** Stored successful runs, oldest first. */
  trend: TrendPoint[];
}
