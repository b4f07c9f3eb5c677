export {
  ownershipApiRef,
  type CampaignItemsRequest,
  type IdempotentRequestOptions,
  type OwnershipApi,
  type OwnershipFilters,
  type OwnershipPageRequest,
} from './OwnershipApi';
export { OwnershipClient } from './OwnershipClient';
