export {
  TeamOnboarding,
  TeamOwnershipContent,
  newestFirst,
} from './TeamOwnershipContent';
