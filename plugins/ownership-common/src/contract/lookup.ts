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
