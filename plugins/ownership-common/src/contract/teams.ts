import type { FindingRecord, ServiceSummary } from './services';
import type { ReadingList } from './docs';
import type { OnCallAnswer } from './oncall';
import type { Contact, MemberSummary } from './owners';

/**
 * Findings counted by severity.
 *
 * @public
 */
export interface SeverityCounts {
  error: number;
  warning: number;
  info: number;
}

/**
 * A team's figures in one run; services of its sub-groups count.
 *
 * @public
 */
export interface TeamRollup {
  entityRef: string;
  title: string;
  /** Full ref of the parent group. */
  parent?: string;
  /** Services owned by the team or any of its sub-groups. */
  serviceCount: number;
  /** Services owned by the team itself. */
  directServiceCount: number;
  findings: SeverityCounts;
  /** Services per maturity level, index 0 to 4. */
  levels: [number, number, number, number, number];
  /** Average score of the team's services; 100 when it owns none. */
  score: number;
  /** Members, sub-groups included. */
  memberCount: number;
}

/**
 * `GET /teams/:kind/:namespace/:name`.
 *
 * @public
 */
export interface TeamDetails extends TeamRollup {
  members: MemberSummary[];
  contacts: Contact[];
  /** Full refs of the sub-groups, at any depth. */
  subGroups: string[];
  /** Runbooks and ADRs of the team's services, decisions newest first. */
  readingList: ReadingList;
  /** The team's own rotation, asked live; absent without one. */
  oncall?: OnCallAnswer;
  services: ServiceSummary[];
  findingRecords: FindingRecord[];
  runId: number;
  generatedAt: string;
}
