export { RunbookStatusBadge } from './FreshnessBadge';
