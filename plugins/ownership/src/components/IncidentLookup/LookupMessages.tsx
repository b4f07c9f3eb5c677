import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { ownershipTranslationRef } from '../../translation';
import { ErrorPanelWithRetry } from '../shared';
import type { Lookup } from './useLookup';

/** The live status line under the search box, for screen readers too. */
export function LookupStatus(props: { lookup: Lookup }) {
  const { query, loading, response, items } = props.lookup;
  const { t } = useTranslationRef(ownershipTranslationRef);

  let status = '';
  if (!query) {
    status = '';
  } else if (loading) {
    status = t('incidentLookup.status.loading', { query });
  } else if (response) {
    status =
      items.length === 0
        ? t('incidentLookup.status.none', { query })
        : t('incidentLookup.status.matches', { count: items.length, query });
  }

  return (
    <Box role="status" aria-live="polite" sx={{ minHeight: '1.5em' }}>
      <Typography variant="body2" color="text.secondary">
        {status}
      </Typography>
    </Box>
  );
}

/**
 * What stands above the list of matches: how to search before a query, the
 * failure with a retry, or that nothing matches.
 */
export function LookupMessage(props: { lookup: Lookup }) {
  const { query, loading, error, response, items, retry } = props.lookup;
  const { t } = useTranslationRef(ownershipTranslationRef);

  if (!query) {
    return (
      <Typography variant="body2" color="text.secondary" sx={{ p: 2 }}>
        {t('incidentLookup.hint')}
      </Typography>
    );
  }
  if (error) {
    return (
      <Box sx={{ p: 2 }}>
        <ErrorPanelWithRetry
          title={t('incidentLookup.errorTitle', { query })}
          error={error}
          onRetry={retry}
        />
      </Box>
    );
  }
  if (response && items.length === 0 && !loading) {
    return (
      <Typography variant="body2" sx={{ p: 2 }}>
        {response.runId === undefined
          ? t('incidentLookup.noMatchesBeforeFirstRun', { query })
          : t('incidentLookup.noMatches', { query })}
      </Typography>
    );
  }
  return null;
}
