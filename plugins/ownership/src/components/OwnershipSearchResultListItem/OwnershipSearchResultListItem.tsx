import { createSearchResultListItemExtension } from '@backstage/plugin-search-react';
import { OWNERSHIP_SEARCH_TYPE } from '@ownership-portal/plugin-ownership-common';
import { ownershipPlugin } from '../../plugin';
import type { OwnershipSearchResultListItemProps } from './OwnershipSearchResult';

/**
 * A search result of type `ownership` (from
 * `@ownership-portal/plugin-search-backend-module-ownership`), for apps on
 * the legacy frontend system: the entity's title linked to its page, its
 * owner, who is on call now (asked when the result is shown) and its first
 * runbook. Put it among the children of `<SearchResult>`; it renders the
 * results of type `ownership` only.
 *
 * @public
 */
export const OwnershipSearchResultListItem: (
  props: OwnershipSearchResultListItemProps,
) => JSX.Element | null = ownershipPlugin.provide(
  createSearchResultListItemExtension({
    name: 'OwnershipSearchResultListItem',
    component: () =>
      import('./OwnershipSearchResult').then(m => m.OwnershipSearchResult),
    predicate: result => result.type === OWNERSHIP_SEARCH_TYPE,
  }),
);
