/**
 * How fresh a document is: reviewed within the threshold, older, or of no
 * known date (which is never taken as fresh).
 *
 * @public
 */
export type Freshness = 'fresh' | 'stale' | 'unknown';

/**
 * A copy served from the last good read, because reading the document (or
 * asking the source) just now failed for a passing reason: a timeout, a 5xx
 * or 429 answer, a dropped connection or an open circuit breaker.
 *
 * @public
 */
export interface StaleRead {
  /** Why it could not be read just now. */
  reason: string;
  /** When the served copy was read, ISO-8601. */
  readAt: string;
}

/**
 * How a read that gave no fresh answer turned out: `stale`, the last good
 * read is served (see {@link StaleRead}); `unknown`, it could not be read
 * just now and never was before, so nothing is known and no finding is
 * raised.
 *
 * @public
 */
export interface ReadState {
  status: 'stale' | 'unknown';
  /** Why it could not be read just now. */
  reason: string;
  /** When the served copy was read (`stale` only), ISO-8601. */
  readAt?: string;
}

/**
 * A runbook of a service, found through `metadata.links` (`type: runbook`, on
 * the service or inherited from its team) or the `ownership-portal/runbooks`
 * annotation.
 *
 * @public
 */
export interface RunbookInfo {
  title: string;
  url: string;
  /** `service-link`, `team-link` or `annotation`. */
  source: 'service-link' | 'team-link' | 'annotation';
  /** Review date, ISO-8601: from front matter, else the reader's last-modified date. */
  reviewedAt?: string;
  /** Where `reviewedAt` came from. */
  reviewedFrom?: 'front-matter' | 'last-modified';
  freshness: Freshness;
  /**
   * `ok` when read; `unreachable` when gone (404), unreadable or refused
   * (outside `ownership.docs.localRoots`); `not-configured` when Backstage
   * has no integration or `backend.reading.allow` entry for its host, so it
   * was not read (freshness unknown, not a finding); `unknown` when it could
   * not be read just now (timeout, 5xx, 429, reset, open breaker) and was
   * never read before (not a finding either).
   */
  status: 'ok' | 'unreachable' | 'not-configured' | 'unknown';
  /** Why it is unreachable, unknown or not read. */
  reason?: string;
  /** Set when `status` is `ok` from the last good read, because reading it now failed. */
  staleRead?: StaleRead;
}

/**
 * Status of an architecture decision record.
 *
 * @public
 */
export type AdrStatus =
  | 'proposed'
  | 'accepted'
  | 'rejected'
  | 'deprecated'
  | 'superseded'
  | 'unknown';

/**
 * An architecture decision record, from the folder `backstage.io/adr-location` names.
 *
 * @public
 */
export interface AdrInfo {
  title: string;
  status: AdrStatus;
  /**
   * Decision date, ISO-8601 date, as the record states it (front matter
   * `date`, MADR's `* Date:`, a `Date:` line); absent when it states none
   * ("undated"). Never the file's modification time.
   */
  date?: string;
  /**
   * For a `proposed` ADR: since when it has been proposed, from the record's
   * own date, else the first audit run that saw it proposed.
   */
  proposedSince?: { date: string; source: 'record' | 'first-seen' };
  deciders?: string[];
  url: string;
  /** File name, e.g. `0003-use-postgresql.md`. */
  file: string;
  /** The ADR that replaces this one (a file name or title as written). */
  supersededBy?: string;
  /** ADRs this one replaces. */
  supersedes?: string[];
}

/**
 * One item of technical debt.
 *
 * @public
 */
export interface TechDebtItem {
  id: string;
  title: string;
  impact: 'low' | 'medium' | 'high' | 'critical';
  /** Estimated effort in days. */
  effort?: number;
  /** ISO-8601 date. */
  created: string;
  /** ISO-8601 date. */
  due?: string;
  status: 'open' | 'in-progress' | 'done' | 'wont-fix';
  issue?: string;
  owner?: string;
  /** `register` (the YAML file) or the id of the source that found it, e.g. `github`. */
  source: string;
}

/**
 * A service's technical debt.
 *
 * @public
 */
export interface TechDebtSummary {
  items: TechDebtItem[];
  /** Items open or in progress. */
  openCount: number;
  /** Open items past due, or open longer than the threshold without a due date. */
  overdueCount: number;
  /** Effort of the open items, in days. */
  effortDays: number;
  /** Problems reading a source, e.g. an invalid register with its line. */
  problems: Array<{ source: string; message: string }>;
  /** The register file's absolute URL, when the entity names one (`ownership-portal/tech-debt`). */
  registerUrl?: string;
  /**
   * Sources (`register` or a source id) that could not be read just now:
   * `stale` when their items are the last good read's, `unknown` when none
   * is known. Neither is a finding.
   */
  reads?: Array<ReadState & { source: string }>;
}

/**
 * What a new team member reads first: the runbooks and ADRs of the team's
 * services (sub-groups included), decisions newest first.
 *
 * @public
 */
export interface ReadingList {
  runbooks: Array<RunbookInfo & ReadingListSource>;
  adrs: Array<AdrInfo & ReadingListSource>;
}

/**
 * Which of the team's services a reading-list document belongs to.
 *
 * @public
 */
export interface ReadingListSource {
  /** The first of them by entity ref. */
  entityRef: string;
  /** All of them, by entity ref: a team folder of ADRs serves several services. */
  entityRefs: string[];
}

/**
 * `GET /documents?url=`: a markdown document from
 * `ownership.docs.localRoots`, for reading inside the portal (a browser does
 * not open `file:` links from a web page).
 *
 * @public
 */
export interface LocalDocument {
  /** The `file:` URL it was read from. */
  url: string;
  /** The markdown, without its front matter. */
  markdown: string;
  /** When the file was last modified, ISO-8601. */
  lastModified?: string;
}
