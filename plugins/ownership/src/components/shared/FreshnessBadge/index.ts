export {
  FreshnessBadge,
  RunbookStatusBadge,
  type FreshnessBadgeProps,
} from './FreshnessBadge';
