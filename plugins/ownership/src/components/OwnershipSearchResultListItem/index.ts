export { OwnershipSearchResultListItem } from './OwnershipSearchResultListItem';
export type { OwnershipSearchResultListItemProps } from './OwnershipSearchResult';
