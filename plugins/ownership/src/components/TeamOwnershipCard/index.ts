export { TeamOwnershipCard, TeamOwnershipSummary } from './TeamOwnershipCard';
export {
  TeamDetailsLoader,
  TeamNotAuditedState,
  useTeamDetails,
  type TeamDetailsLoaderProps,
} from './TeamDetailsLoader';
