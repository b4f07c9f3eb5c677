import type {
  AdrInfo,
  OnCallAnswer,
  ReadingListRunbook,
  RunbookInfo,
  ServiceSummaryPage,
} from '../schema/openapi/generated';

/**
 * How fresh a document is: reviewed within the threshold, older, or of no
 * known date (which is never taken as fresh).
 *
 * @public
 */
export type Freshness = RunbookInfo['freshness'];

/**
 * Status of an architecture decision record.
 *
 * @public
 */
export type AdrStatus = AdrInfo['status'];

/**
 * Where an on-call answer was found, most specific first.
 *
 * @public
 */
export type OnCallMatch = OnCallAnswer['matchedBy'];

/**
 * Which of the team's services a reading-list document belongs to.
 *
 * @public
 */
export type ReadingListSource = Pick<
  ReadingListRunbook,
  'entityRef' | 'entityRefs'
>;

/**
 * A page of a listing, as `GET /services`, `/findings` and `/teams` answer
 * it. `nextCursor` is absent on the last page.
 *
 * @public
 */
export type Page<T> = Omit<ServiceSummaryPage, 'items'> & { items: T[] };
