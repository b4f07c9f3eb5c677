import { Link } from '@backstage/core-components';
import { useAnalytics } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import type {
  ResultHighlight,
  SearchDocument,
} from '@backstage/plugin-search-common';
import { HighlightedSearchResultText } from '@backstage/plugin-search-react';
import Box from '@mui/material/Box';
import ListItem from '@mui/material/ListItem';
import ListItemIcon from '@mui/material/ListItemIcon';
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
  /** The result's position, for analytics. */
  rank?: number;
  /** Leave clicks out of analytics. */
  noTrack?: boolean;
}

/**
 * A search result of type `ownership`: the entity's title, linked to its
 * catalog page, its owner, who is on call now (asked when the result is
 * shown) and its first runbook.
 *
 * @public
 */
export function OwnershipSearchResultListItem(
  props: OwnershipSearchResultListItemProps,
) {
  const { icon, highlight, rank, noTrack } = props;
  const result = props.result as OwnershipSearchDocument | undefined;
  const analytics = useAnalytics();
  const { t } = useTranslationRef(ownershipTranslationRef);
  if (!result) {
    return null;
  }

  const handleClick = () => {
    if (!noTrack) {
      analytics.captureEvent('discover', result.title, {
        attributes: { to: result.location },
        value: rank,
      });
    }
  };
  const label = (text: string) => (
    <Box component="span" sx={{ color: 'text.secondary' }}>
      {text}
    </Box>
  );
  const findings = result.findingRuleIds?.length ?? 0;

  return (
    <ListItem alignItems="flex-start" divider>
      {icon && <ListItemIcon>{icon}</ListItemIcon>}
      <Stack spacing={0.5} sx={{ flexGrow: 1, minWidth: 0 }}>
        <Link noTrack to={result.location} onClick={handleClick}>
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
    </ListItem>
  );
}
