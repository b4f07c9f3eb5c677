import { Progress } from '@backstage/core-components';
import { useAnalytics, useApi, useRouteRef } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import AddIcon from '@mui/icons-material/Add';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import {
  type Campaign,
  type CampaignState,
  ownershipCampaignManagePermission,
} from '@ownership-portal/plugin-ownership-common';
import { useEffect, useState } from 'react';
import {
  Link as RouterLink,
  useNavigate,
  useSearchParams,
} from 'react-router-dom';
import { ownershipApiRef } from '../../api';
import { campaignRouteRef } from '../../routes';
import { ownershipTranslationRef } from '../../translation';
import { NewCampaignDialog } from '../NewCampaignDialog';
import {
  CampaignProgressBar,
  CampaignStateChip,
  ErrorPanelWithRetry,
  formatDay,
} from '../shared';

const STATES: CampaignState[] = ['scheduled', 'open', 'closed'];
const PAGE_SIZE = 20;

function isState(value: string | null): value is CampaignState {
  return STATES.includes(value as CampaignState);
}

interface ListState {
  items: Campaign[];
  nextCursor?: string;
  loading: boolean;
  error?: Error;
}

/** The campaigns in a state (all without), page by page with "Load more". */
function useCampaigns(state: CampaignState | undefined) {
  const api = useApi(ownershipApiRef);
  const [list, setList] = useState<ListState>({ items: [], loading: true });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let current = true;
    setList({ items: [], loading: true });
    api.listCampaigns({ state, limit: PAGE_SIZE }).then(
      page => current && setList({ ...page, loading: false }),
      error => current && setList({ items: [], loading: false, error }),
    );
    return () => {
      current = false;
    };
  }, [api, state, attempt]);

  const loadMore = () => {
    setList(l => ({ ...l, loading: true }));
    api
      .listCampaigns({ state, limit: PAGE_SIZE, cursor: list.nextCursor })
      .then(
        page =>
          setList(l => ({
            items: [...l.items, ...page.items],
            nextCursor: page.nextCursor,
            loading: false,
          })),
        error => setList(l => ({ ...l, loading: false, error })),
      );
  };

  return { ...list, loadMore, retry: () => setAttempt(n => n + 1) };
}

function CampaignRow(props: { campaign: Campaign }) {
  const { campaign } = props;
  const { t } = useTranslationRef(ownershipTranslationRef);
  const campaignLink = useRouteRef(campaignRouteRef);
  return (
    <TableRow data-testid={`campaign-${campaign.id}`}>
      <TableCell>
        <Link
          component={RouterLink}
          to={campaignLink({ id: String(campaign.id) })}
        >
          {campaign.title}
        </Link>
      </TableCell>
      <TableCell>
        <CampaignStateChip state={campaign.state} overdue={campaign.overdue} />
      </TableCell>
      <TableCell>
        <time dateTime={campaign.opensAt}>{formatDay(campaign.opensAt)}</time>
      </TableCell>
      <TableCell>
        <time dateTime={campaign.dueAt}>{formatDay(campaign.dueAt)}</time>
      </TableCell>
      <TableCell sx={{ minWidth: 220 }}>
        {campaign.state === 'scheduled' ? (
          <Typography variant="body2" color="text.secondary">
            {t('campaignList.notOpenYet')}
          </Typography>
        ) : (
          <CampaignProgressBar
            progress={campaign.progress}
            label={t('campaignList.progressLabel', {
              campaign: campaign.title,
            })}
          />
        )}
      </TableCell>
    </TableRow>
  );
}

/**
 * The audit campaigns, newest opening date first, with their state, dates
 * and progress; "New campaign" for users allowed to manage campaigns.
 * `?state=` narrows the list.
 *
 * @public
 */
export function CampaignList() {
  const { t } = useTranslationRef(ownershipTranslationRef);
  const analytics = useAnalytics();
  const navigate = useNavigate();
  const campaignLink = useRouteRef(campaignRouteRef);
  const [searchParams, setSearchParams] = useSearchParams();
  const stateParam = searchParams.get('state');
  const state = isState(stateParam) ? stateParam : undefined;
  const campaigns = useCampaigns(state);
  const { allowed: canManage } = usePermission({
    permission: ownershipCampaignManagePermission,
  });
  const [creating, setCreating] = useState(false);

  const setState = (value: string) => {
    const next = new URLSearchParams(searchParams);
    if (isState(value)) {
      next.set('state', value);
    } else {
      next.delete('state');
    }
    setSearchParams(next, { replace: true });
    analytics.captureEvent('filter', 'campaign state', {
      attributes: { state: value },
    });
  };

  let body;
  if (campaigns.loading && campaigns.items.length === 0) {
    body = <Progress />;
  } else if (campaigns.error && campaigns.items.length === 0) {
    body = (
      <ErrorPanelWithRetry
        title={t('campaignList.errorTitle')}
        error={campaigns.error}
        onRetry={campaigns.retry}
      />
    );
  } else if (campaigns.items.length === 0) {
    body = (
      <Alert severity="info">
        {canManage ? t('campaignList.noneCanCreate') : t('campaignList.none')}
      </Alert>
    );
  } else {
    body = (
      <Table aria-label={t('campaignList.tableLabel')}>
        <TableHead>
          <TableRow>
            <TableCell>{t('campaignList.columns.title')}</TableCell>
            <TableCell>{t('campaignList.columns.state')}</TableCell>
            <TableCell>{t('campaignList.columns.opens')}</TableCell>
            <TableCell>{t('campaignList.columns.due')}</TableCell>
            <TableCell>{t('campaignList.columns.progress')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {campaigns.items.map(campaign => (
            <CampaignRow key={campaign.id} campaign={campaign} />
          ))}
        </TableBody>
      </Table>
    );
  }

  return (
    <Stack spacing={2}>
      <Stack direction="row" spacing={2} alignItems="center">
        <Box sx={{ flexGrow: 1 }}>
          <Typography variant="h5" component="h2">
            {t('campaignList.title')}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {t('campaignList.subtitle')}
          </Typography>
        </Box>
        <TextField
          select
          size="small"
          label={t('campaignList.stateFilter')}
          value={state ?? 'all'}
          onChange={e => setState(e.target.value)}
          sx={{ minWidth: 160 }}
        >
          <MenuItem value="all">{t('campaignList.allStates')}</MenuItem>
          {STATES.map(s => (
            <MenuItem key={s} value={s}>
              {t(`campaignState.${s}`)}
            </MenuItem>
          ))}
        </TextField>
        {canManage && (
          <Button
            variant="contained"
            startIcon={<AddIcon />}
            onClick={() => setCreating(true)}
          >
            {t('campaignList.newCampaign')}
          </Button>
        )}
      </Stack>
      {body}
      {campaigns.error && campaigns.items.length > 0 && (
        <Alert severity="error">{campaigns.error.message}</Alert>
      )}
      {campaigns.nextCursor && (
        <Box>
          <Button onClick={campaigns.loadMore} disabled={campaigns.loading}>
            {t('campaignList.loadMore')}
          </Button>
        </Box>
      )}
      {canManage && (
        <NewCampaignDialog
          open={creating}
          onClose={() => setCreating(false)}
          onCreated={campaign => {
            setCreating(false);
            navigate(campaignLink({ id: String(campaign.id) }));
          }}
        />
      )}
    </Stack>
  );
}
