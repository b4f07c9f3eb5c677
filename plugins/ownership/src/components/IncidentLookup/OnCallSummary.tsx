import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Typography from '@mui/material/Typography';
import type { OnCallAnswer } from '@ownership-portal/plugin-ownership-common';
import { InlineRow, Until, byLevel } from '../shared';
import { ownershipTranslationRef } from '../../translation';

/**
 * Who is on call now, in one line for a lookup result: the first escalation
 * level with the end of the shift, or why nobody can be named.
 */
export function OnCallSummary(props: { oncall?: OnCallAnswer }) {
  const { oncall } = props;
  const { t } = useTranslationRef(ownershipTranslationRef);
  const first = oncall ? byLevel(oncall.onCallNow)[0] : undefined;

  let text;
  if (!oncall) {
    text = t('incidentLookup.match.noRotation');
  } else if (oncall.status === 'unknown') {
    text = t('incidentLookup.match.unknown');
  } else if (!first) {
    text = t('incidentLookup.match.nobody');
  } else {
    text = (
      <>
        <strong>{first.user.name}</strong>
        {first.until && (
          <>
            {' '}
            <Until iso={first.until} />
          </>
        )}
      </>
    );
  }

  return (
    <InlineRow>
      <Typography variant="body2">
        <Box component="span" sx={{ color: 'text.secondary' }}>
          {t('incidentLookup.match.onCall')}
        </Box>
        {text}
      </Typography>
      {oncall?.stale && (
        <Chip
          size="small"
          color="warning"
          variant="outlined"
          label={t('incidentLookup.match.stale')}
          title={t('incidentLookup.match.staleTitle')}
        />
      )}
      {oncall?.status === 'gap' && (
        <Chip
          size="small"
          color="error"
          variant="outlined"
          label={t('incidentLookup.match.gap')}
        />
      )}
    </InlineRow>
  );
}
