export { TeamOwnershipContent } from './TeamOwnershipContent';
