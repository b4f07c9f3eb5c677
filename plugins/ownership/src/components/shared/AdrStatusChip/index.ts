export { AdrStatusChip, newestFirst } from './AdrStatusChip';
