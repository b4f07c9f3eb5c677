/**
 * The Ownership Portal frontend plugin. This entry point serves apps on the
 * legacy frontend system; the new frontend system imports `./alpha`.
 *
 * @packageDocumentation
 */

export {
  ownershipPlugin,
  OwnershipPage,
  EntityOwnershipCard,
  EntityOperationsContent,
  TeamOwnershipCard,
  TeamOwnershipContent,
} from './plugin';
export {
  OwnershipClient,
  ownershipApiRef,
  type CampaignItemsRequest,
  type IdempotentRequestOptions,
  type OwnershipApi,
  type OwnershipFilters,
  type OwnershipPageRequest,
} from './api';
export { OverviewContent } from './components/OverviewContent';
export {
  OwnershipSearchResultListItem,
  type OwnershipSearchResultListItemProps,
} from './components/OwnershipSearchResultListItem';
