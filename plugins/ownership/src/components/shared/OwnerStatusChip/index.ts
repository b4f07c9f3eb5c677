export { OwnerStatusChip } from './OwnerStatusChip';
