import type { SearchDocumentItem } from '../schema/openapi/generated';

/**
 * The search document type the Ownership Portal's collator indexes
 * (`@ownership-portal/plugin-search-backend-module-ownership`) and the
 * frontend's result list item renders.
 *
 * @public
 */
export const OWNERSHIP_SEARCH_TYPE = 'ownership';

/**
 * One audited entity as the search index holds it: the standard
 * `IndexableDocument` fields (`title`, `text`, `location`) and what a result
 * shows without another request. Built by the collator from a
 * {@link SearchDocumentItem} of `GET /search-documents`.
 *
 * @public
 */
export interface OwnershipSearchDocument {
  /** The entity's title, or its name. */
  title: string;
  /** Everything the search matches on, one fact a line. */
  text: string;
  /** The entity's page in the catalog, `/catalog/<namespace>/<kind>/<name>#ownership`. */
  location: string;
  /** Full ref of the entity, lower-case. */
  entityRef: string;
  /** The entity's kind, lower-case. */
  kind: string;
  /** Full ref of the owner, when there is one. */
  ownerRef?: string;
  /** Display name of the owner, else its ref or `spec.owner` as written. */
  owner?: string;
  /** Names of the entity's on-call schedules or rotations. */
  onCallSchedules: string[];
  /** The first runbook, the one a result links. */
  runbook?: { title: string; url: string };
  /** Runbook titles. */
  runbookTitles: string[];
  /** Decision record titles. */
  adrTitles: string[];
  /** Ids of the rules the entity breaks. */
  findingRuleIds: string[];
}

/**
 * Builds the entity page path of a full entity ref (`kind:namespace/name`),
 * as the catalog routes it: `/catalog/<namespace>/<kind>/<name>`.
 *
 * @public
 */
export function entityPagePath(
  item: Pick<SearchDocumentItem, 'kind' | 'namespace' | 'name'>,
): string {
  const segment = (value: string) => encodeURIComponent(value);
  return `/catalog/${segment(item.namespace)}/${segment(
    item.kind.toLocaleLowerCase('en-US'),
  )}/${segment(item.name)}`;
}
