export { EntityOwnershipCard } from './EntityOwnershipCard';
