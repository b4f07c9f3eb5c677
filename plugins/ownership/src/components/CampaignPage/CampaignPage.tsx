import { MarkdownContent, Progress } from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import {
  type Campaign,
  type CampaignDetails,
  ownershipCampaignManagePermission,
} from '@ownership-portal/plugin-ownership-common';
import {
  Link as RouterLink,
  useParams,
  useSearchParams,
} from 'react-router-dom';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { ownershipApiRef } from '../../api';
import { campaignsRouteRef } from '../../routes';
import { ownershipTranslationRef } from '../../translation';
import {
  CampaignProgressBar,
  CampaignStateChip,
  ErrorPanelWithRetry,
  formatDay,
} from '../shared';
import { CloseCampaignButton } from './CloseCampaignButton';
import { EvidenceLinks } from './EvidenceLinks';
import { TeamProgressTable } from './TeamProgressTable';

function Dates(props: { campaign: Campaign }) {
  const { campaign } = props;
  const { t } = useTranslationRef(ownershipTranslationRef);
  const entries: Array<[string, string]> = [
    [t('campaignPage.opens'), campaign.opensAt],
    // Opened later than planned, e.g. created with a past opening date.
    ...(campaign.openedAt &&
    formatDay(campaign.openedAt) !== formatDay(campaign.opensAt)
      ? [[t('campaignPage.opened'), campaign.openedAt] as [string, string]]
      : []),
    [t('campaignPage.due'), campaign.dueAt],
    campaign.closedAt
      ? [t('campaignPage.closed'), campaign.closedAt]
      : [t('campaignPage.closes'), campaign.closesAt],
  ];
  return (
    <Box
      component="dl"
      aria-label={t('campaignPage.datesLabel')}
      sx={{
        display: 'grid',
        gridTemplateColumns: 'max-content 1fr',
        columnGap: 2,
        rowGap: 0.5,
        m: 0,
        '& dd': { m: 0 },
      }}
    >
      {entries.map(([label, iso]) => (
        <Box key={label} sx={{ display: 'contents' }}>
          <Typography component="dt" variant="body2" color="text.secondary">
            {label}
          </Typography>
          <Typography component="dd" variant="body2">
            <time dateTime={iso}>{formatDay(iso)}</time>
          </Typography>
        </Box>
      ))}
    </Box>
  );
}

function CampaignView(props: {
  campaign: CampaignDetails;
  onClosed: (campaign: Campaign) => void;
}) {
  const { campaign, onClosed } = props;
  const { t } = useTranslationRef(ownershipTranslationRef);
  const [searchParams, setSearchParams] = useSearchParams();
  const team = searchParams.get('team')?.toLocaleLowerCase('en-US');
  const { allowed: canManage } = usePermission({
    permission: ownershipCampaignManagePermission,
  });
  const teams = team
    ? campaign.teams.filter(p => p.team.toLocaleLowerCase('en-US') === team)
    : campaign.teams;

  const showAllTeams = () => {
    const next = new URLSearchParams(searchParams);
    next.delete('team');
    setSearchParams(next, { replace: true });
  };

  return (
    <Stack spacing={2}>
      <Stack direction="row" spacing={2} alignItems="center" flexWrap="wrap">
        <Typography variant="h5" component="h2" sx={{ flexGrow: 1 }}>
          {campaign.title}
        </Typography>
        <CampaignStateChip state={campaign.state} overdue={campaign.overdue} />
        {canManage && campaign.state !== 'closed' && (
          <CloseCampaignButton campaign={campaign} onClosed={onClosed} />
        )}
      </Stack>
      <Box
        sx={{
          display: 'grid',
          gap: 2,
          gridTemplateColumns: {
            xs: '1fr',
            md: 'minmax(0, 2fr) minmax(0, 1fr)',
          },
        }}
      >
        <Card variant="outlined">
          <CardContent>
            <Typography variant="subtitle2" component="h3" gutterBottom>
              {t('campaignPage.instructions')}
            </Typography>
            {campaign.instructions ? (
              <MarkdownContent content={campaign.instructions} />
            ) : (
              <Typography variant="body2" color="text.secondary">
                {t('campaignPage.noInstructions')}
              </Typography>
            )}
          </CardContent>
        </Card>
        <Card variant="outlined">
          <CardContent>
            <Stack spacing={2}>
              <Dates campaign={campaign} />
              <CampaignProgressBar
                progress={campaign.progress}
                label={t('campaignPage.overallProgressLabel')}
              />
              {campaign.digest && (
                <Typography variant="caption" sx={{ wordBreak: 'break-all' }}>
                  {t('campaignPage.digest', { digest: campaign.digest })}
                </Typography>
              )}
              <EvidenceLinks campaignId={campaign.id} />
            </Stack>
          </CardContent>
        </Card>
      </Box>
      <Stack direction="row" spacing={2} alignItems="center">
        <Typography variant="h6" component="h3" sx={{ flexGrow: 1 }}>
          {t('campaignPage.teamsTitle')}
        </Typography>
        {team && (
          <Button size="small" onClick={showAllTeams}>
            {t('campaignPage.showAllTeams')}
          </Button>
        )}
      </Stack>
      {teams.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {team
            ? t('campaignPage.teamNotInCampaign', { team })
            : t('campaignPage.noTeams')}
        </Typography>
      ) : (
        <TeamProgressTable teams={teams} highlight={team} />
      )}
    </Stack>
  );
}

/**
 * One audit campaign: its instructions, dates, state and progress overall
 * and per team, its evidence, and "Close campaign" for managers.
 * `?team=<ref>` shows that team only.
 *
 * @public
 */
export function CampaignPage() {
  const { id } = useParams();
  const api = useApi(ownershipApiRef);
  const { t } = useTranslationRef(ownershipTranslationRef);
  const campaignsLink = useRouteRef(campaignsRouteRef);
  const campaignId = Number(id);
  const details = useAsyncRetry(
    () => api.getCampaign(campaignId),
    [api, campaignId],
  );

  let body;
  if (details.loading && !details.value) {
    body = <Progress />;
  } else if (details.error) {
    body = (
      <ErrorPanelWithRetry
        title={t('campaignPage.errorTitle', { id: String(id) })}
        error={details.error}
        onRetry={details.retry}
      />
    );
  } else if (details.value) {
    body = <CampaignView campaign={details.value} onClosed={details.retry} />;
  }
  return (
    <Stack spacing={2}>
      <Box>
        <Link component={RouterLink} to={campaignsLink()}>
          {t('campaignPage.backLink')}
        </Link>
      </Box>
      {body}
    </Stack>
  );
}
