export { TeamOnboarding, TeamOwnershipContent } from './TeamOwnershipContent';
