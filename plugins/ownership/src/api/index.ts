export {
  ownershipApiRef,
  type OwnershipApi,
  type OwnershipFilters,
  type OwnershipPageRequest,
} from './OwnershipApi';
export { OwnershipClient } from './OwnershipClient';
