export { OwnershipPage, OwnershipRoutes } from './OwnershipPage';
