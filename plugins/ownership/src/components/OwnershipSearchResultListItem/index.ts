export {
  OwnershipSearchResultListItem,
  type OwnershipSearchResultListItemProps,
} from './OwnershipSearchResultListItem';
