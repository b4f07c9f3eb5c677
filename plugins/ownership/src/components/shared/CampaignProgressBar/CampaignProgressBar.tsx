import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import type { CampaignProgress } from '@ownership-portal/plugin-ownership-common';
import { ownershipTranslationRef } from '../../../translation';

/** Whole percentage of answered items; a campaign without items is complete. */
function answeredPercent(progress: CampaignProgress): number {
  if (progress.total <= 0) {
    return 100;
  }
  return Math.min(100, Math.floor((progress.answered / progress.total) * 100));
}

/**
 * Answered of total items as a bar with the figures beside it, named for
 * assistive technology by `label` (e.g. "Progress of Payments").
 */
export function CampaignProgressBar(props: {
  progress: CampaignProgress;
  label: string;
}) {
  const { progress, label } = props;
  const { t } = useTranslationRef(ownershipTranslationRef);
  const percent = answeredPercent(progress);
  const text = t('campaignProgress.text', {
    answered: String(progress.answered),
    total: String(progress.total),
    percent: String(percent),
  });
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, minWidth: 160 }}>
      <LinearProgress
        variant="determinate"
        value={percent}
        aria-label={label}
        aria-valuetext={text}
        color={percent === 100 ? 'success' : 'primary'}
        sx={{ flexGrow: 1, height: 8, borderRadius: 4 }}
      />
      <Typography variant="caption" sx={{ whiteSpace: 'nowrap' }}>
        {text}
      </Typography>
    </Box>
  );
}
