import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Typography from '@mui/material/Typography';
import type { OnCallAnswer } from '@ownership-portal/plugin-ownership-common';
import { InlineRow, Until, byLevel } from '../shared';

/**
 * Who is on call now, in one line for a lookup result: the first escalation
 * level with the end of the shift, or why nobody can be named.
 */
export function OnCallSummary(props: { oncall?: OnCallAnswer }) {
  const { oncall } = props;
  const first = oncall ? byLevel(oncall.onCallNow)[0] : undefined;

  let text;
  if (!oncall) {
    text = 'no rotation';
  } else if (oncall.status === 'unknown') {
    text = 'unknown';
  } else if (!first) {
    text = 'nobody on call now';
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
          On call:{' '}
        </Box>
        {text}
      </Typography>
      {oncall?.stale && (
        <Chip
          size="small"
          color="warning"
          variant="outlined"
          label="stale"
          title="The provider could not be reached: this is the last known answer"
        />
      )}
      {oncall?.status === 'gap' && (
        <Chip size="small" color="error" variant="outlined" label="gap" />
      )}
    </InlineRow>
  );
}
