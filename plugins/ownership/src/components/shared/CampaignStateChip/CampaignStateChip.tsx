import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import type { CampaignState } from '@ownership-portal/plugin-ownership-common';
import { ownershipTranslationRef } from '../../../translation';

const COLORS: Record<CampaignState, 'default' | 'info' | 'success'> = {
  scheduled: 'default',
  open: 'info',
  closed: 'success',
};

/** The state of a campaign, with an "Overdue" chip beside it when it is. */
export function CampaignStateChip(props: {
  state: CampaignState;
  overdue?: boolean;
}) {
  const { t } = useTranslationRef(ownershipTranslationRef);
  return (
    <Stack direction="row" spacing={0.5} component="span">
      <Chip
        size="small"
        color={COLORS[props.state]}
        label={t(`campaignState.${props.state}`)}
      />
      {props.overdue && (
        <Chip size="small" color="error" label={t('campaignState.overdue')} />
      )}
    </Stack>
  );
}
