import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import useAsync from 'react-use/esm/useAsync';
import { ownershipApiRef } from '../../api';
import { ownershipTranslationRef } from '../../translation';
import { OnCallSummary } from '../IncidentLookup/OnCallSummary';

/**
 * Who is on call for an entity right now, asked of the ownership backend
 * when the result is shown (the search index only knows the rotation's
 * name, and shifts change).
 */
export function OnCallNow(props: { entityRef: string }) {
  const { entityRef } = props;
  const api = useApi(ownershipApiRef);
  const { t } = useTranslationRef(ownershipTranslationRef);
  const oncall = useAsync(() => api.getOnCall(entityRef), [api, entityRef]);

  if (oncall.loading || oncall.error) {
    return (
      <Typography variant="body2">
        <Box component="span" sx={{ color: 'text.secondary' }}>
          {t('searchResult.onCall')}
        </Box>
        {oncall.error
          ? t('searchResult.onCallError', { message: oncall.error.message })
          : t('searchResult.onCallLoading')}
      </Typography>
    );
  }
  return <OnCallSummary oncall={oncall.value} />;
}
