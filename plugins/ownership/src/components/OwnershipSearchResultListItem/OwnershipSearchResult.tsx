import { Link } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import type {
  ResultHighlight,
  SearchDocument,
} from '@backstage/plugin-search-common';
import { HighlightedSearchResultText } from '@backstage/plugin-search-react';
import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { OwnershipSearchDocument } from '@ownership-portal/plugin-ownership-common';
import type { ReactNode } from 'react';
import { ownershipTranslationRef } from '../../translation';
import { DocumentLink } from '../shared';
import { OnCallNow } from './OnCallNow';

/**
 * Props of {@link OwnershipSearchResultListItem}.
 *
 * @public
 */
export interface OwnershipSearchResultListItemProps {
  /** An icon before the result. */
  icon?: ReactNode;
  /** The search document, of type `ownership`. */
  result?: SearchDocument;
  /** What the search engine highlighted in it. */
  highlight?: ResultHighlight;
  /** The result's position in the results, from 1. */
  rank?: number;
  /** Leave clicks on the result out of analytics. */
  noTrack?: boolean;
}

/**
 * The content of a search result of type `ownership`: the entity's title,
 * linked to its catalog page, its owner, who is on call now (asked when the
 * result is shown) and its first runbook. Both frontend systems wrap it in
 * the search list item, which also reports clicks to analytics.
 */
export function OwnershipSearchResult(
  props: OwnershipSearchResultListItemProps,
) {
  const { icon, highlight } = props;
  const result = props.result as OwnershipSearchDocument | undefined;
  const { t } = useTranslationRef(ownershipTranslationRef);
  if (!result) {
    return null;
  }

  const label = (text: string) => (
    <Box component="span" sx={{ color: 'text.secondary' }}>
      {text}
    </Box>
  );
  const findings = result.findingRuleIds?.length ?? 0;

  return (
    <Stack direction="row" spacing={2} sx={{ width: '100%' }}>
      {icon && <Box sx={{ color: 'text.secondary', pt: 0.5 }}>{icon}</Box>}
      <Stack spacing={0.5} sx={{ flexGrow: 1, minWidth: 0 }}>
        <Link noTrack to={result.location}>
          <Typography variant="h6" component="span">
            {highlight?.fields.title ? (
              <HighlightedSearchResultText
                text={highlight.fields.title}
                preTag={highlight.preTag}
                postTag={highlight.postTag}
              />
            ) : (
              result.title
            )}
          </Typography>
        </Link>
        <Typography variant="body2">
          {label(t('searchResult.owner'))}
          {result.owner ?? t('searchResult.noOwner')}
          {findings > 0 && (
            <Box component="span" sx={{ color: 'text.secondary' }}>
              {' · '}
              {t('searchResult.findings', { count: findings })}
            </Box>
          )}
        </Typography>
        <OnCallNow entityRef={result.entityRef} />
        <Typography variant="body2" component="div">
          {label(t('searchResult.runbook'))}
          {result.runbook ? (
            <DocumentLink
              url={result.runbook.url}
              title={result.runbook.title}
            />
          ) : (
            t('searchResult.noRunbook')
          )}
        </Typography>
      </Stack>
    </Stack>
  );
}
