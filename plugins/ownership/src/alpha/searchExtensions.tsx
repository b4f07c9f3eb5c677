import {
  SearchFilterResultTypeBlueprint,
  SearchResultListItemBlueprint,
} from '@backstage/plugin-search-react/alpha';
import AssignmentIndIcon from '@mui/icons-material/AssignmentInd';
import { OWNERSHIP_SEARCH_TYPE } from '@ownership-portal/plugin-ownership-common';

/**
 * `search-result-list-item:ownership`: renders search results of type
 * `ownership` (from `@ownership-portal/plugin-search-backend-module-ownership`)
 * with their owner, who is on call now and the first runbook.
 */
export const ownershipSearchResultListItem = SearchResultListItemBlueprint.make(
  {
    params: {
      icon: <AssignmentIndIcon />,
      predicate: result => result.type === OWNERSHIP_SEARCH_TYPE,
      component: () =>
        import(
          '../components/OwnershipSearchResultListItem/OwnershipSearchResult'
        ).then(m => m.OwnershipSearchResult),
    },
  },
);

/**
 * `search-filter-result-type:ownership`: "Ownership" among the result types
 * of the search page.
 */
export const ownershipSearchResultType = SearchFilterResultTypeBlueprint.make({
  params: {
    value: OWNERSHIP_SEARCH_TYPE,
    name: 'Ownership',
    icon: <AssignmentIndIcon />,
  },
});
