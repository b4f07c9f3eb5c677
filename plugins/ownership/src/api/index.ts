export { ownershipApiRef, type OwnershipApi } from './OwnershipApi';
export { OwnershipClient } from './OwnershipClient';
