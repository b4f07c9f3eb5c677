export { TeamOwnershipCard } from './TeamOwnershipCard';
export { TeamDetailsLoader } from './TeamDetailsLoader';
