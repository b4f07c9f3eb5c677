import type { RunbookInfo } from './docs';
import type { OnCallAnswer } from './oncall';
import type { Contact, OwnerSummary } from './owners';

/**
 * One match of the incident lookup.
 *
 * @public
 */
export interface LookupMatch {
  entityRef: string;
  kind: string;
  type?: string;
  title: string;
  system?: string;
  lifecycle?: string;
  owner: OwnerSummary & { contacts: Contact[] };
  /**
   * Who is on call now: from the cache or, for rotations in config,
   * computed at once; never waits for a remote provider.
   */
  oncall?: OnCallAnswer;
  /**
   * The runbook to open first, from the run the index was built from: a
   * readable and fresh one before a stale, unread or unreachable one, the
   * entity's own before its team's.
   */
  topRunbook?: RunbookInfo;
  /** Higher is better; only meaningful within one response. */
  rank: number;
  /** What matched: `name`, `title`, `tag`, `system` or `owner`. */
  matchedOn: string[];
}

/**
 * `GET /lookup?q=`.
 *
 * @public
 */
export interface LookupResponse {
  query: string;
  items: LookupMatch[];
  /** The run the index was built from; absent before the first run. */
  runId?: number;
}
