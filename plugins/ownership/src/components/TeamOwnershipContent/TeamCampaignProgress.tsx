import { stringifyEntityRef } from '@backstage/catalog-model';
import { InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type {
  Campaign,
  CampaignTeamProgress,
} from '@ownership-portal/plugin-ownership-common';
import { Link as RouterLink } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import { ownershipApiRef } from '../../api';
import { ownershipTranslationRef } from '../../translation';
import {
  CampaignProgressBar,
  CampaignStateChip,
  errorMessage,
  formatDay,
  useCampaignLink,
} from '../shared';

/**
 * The team's row of each open campaign: the list of open campaigns, then
 * each campaign's per-team progress (one request per open campaign; there
 * are few at a time).
 */
function useTeamCampaigns(team: string) {
  const api = useApi(ownershipApiRef);
  return useAsync(async () => {
    const open = await api.listCampaigns({ state: 'open', limit: 20 });
    const rows = await Promise.all(
      open.items.map(async campaign => {
        const details = await api.getCampaign(campaign.id);
        const row = details.teams.find(
          p => p.team.toLocaleLowerCase('en-US') === team,
        );
        return row ? { campaign: details as Campaign, row } : undefined;
      }),
    );
    return rows.filter(
      (r): r is { campaign: Campaign; row: CampaignTeamProgress } =>
        r !== undefined,
    );
  }, [api, team]);
}

/**
 * "Ownership reviews" on a Group's Onboarding tab: the team's progress in
 * each open audit campaign, linking to the campaign page filtered to the
 * team. Renders nothing when no open campaign covers the team.
 */
export function TeamCampaignProgress() {
  const { entity } = useEntity();
  const team = stringifyEntityRef(entity).toLocaleLowerCase('en-US');
  const { t } = useTranslationRef(ownershipTranslationRef);
  const campaignLink = useCampaignLink();
  const state = useTeamCampaigns(team);

  if (state.error) {
    return (
      <Alert severity="warning">
        {t('teamCampaigns.error', { message: errorMessage(state.error) })}
      </Alert>
    );
  }
  if (!state.value || state.value.length === 0) {
    return null;
  }
  return (
    <InfoCard
      titleTypographyProps={{ component: 'h3' }}
      title={t('teamCampaigns.title')}
    >
      <Stack spacing={2} component="ul" sx={{ listStyle: 'none', m: 0, p: 0 }}>
        {state.value.map(({ campaign, row }) => (
          <Box component="li" key={campaign.id}>
            <Stack direction="row" spacing={1} alignItems="center">
              {campaignLink ? (
                <Link
                  component={RouterLink}
                  to={campaignLink(campaign.id, team)}
                >
                  {campaign.title}
                </Link>
              ) : (
                <Typography variant="body1">{campaign.title}</Typography>
              )}
              <Typography variant="body2" color="text.secondary">
                {t('teamCampaigns.due', { date: formatDay(campaign.dueAt) })}
              </Typography>
              {row.overdue && <CampaignStateChip state="open" overdue />}
            </Stack>
            <CampaignProgressBar
              progress={row}
              label={t('teamCampaigns.progressLabel', {
                campaign: campaign.title,
              })}
            />
          </Box>
        ))}
      </Stack>
    </InfoCard>
  );
}
