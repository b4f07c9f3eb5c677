import { InfoCard, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type {
  Severity,
  SummaryResponse,
} from '@ownership-portal/plugin-ownership-common';
import { useCallback, useId, useState } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { ownershipApiRef } from '../../api';
import { ownershipTranslationRef } from '../../translation';
import { FindingsTable } from '../FindingsTable';
import { OverviewContent } from '../OverviewContent';
import { RunStatus } from '../RunStatus';
import { LevelBar } from '../TeamTable/LevelBar';
import { TeamTable } from '../TeamTable';
import { TrendChart } from '../TrendChart';
import { ServiceSearchBox } from './ServiceSearchBox';
import { ErrorPanelWithRetry } from '../shared';

/** A share from 0 to 1 as a whole percentage. */
function percent(share: number): string {
  return `${Math.round(Math.max(0, Math.min(1, share)) * 100)}%`;
}

/** The org-wide shares the dashboard shows, from the summary. */
function dashboardShares(summary: SummaryResponse) {
  const rule = (id: string) => summary.ruleShares[id] ?? 0;
  return {
    validOwner: summary.validOwnerShare,
    onCall: 1 - rule('oncall.missing'),
    freshRunbooks: 1 - (rule('runbook.missing') + rule('runbook.stale')),
  };
}

function isNotFound(error: Error): boolean {
  return ResponseError.is(error)
    ? error.statusCode === 404
    : error.name === 'NotFoundError';
}

function isNotAllowed(error: Error): boolean {
  return ResponseError.is(error)
    ? error.statusCode === 403
    : error.name === 'NotAllowedError';
}

function Figure(props: { label: string; value: string; detail?: string }) {
  const id = useId();
  return (
    <Card variant="outlined" component="section" aria-labelledby={id}>
      <CardContent>
        <Typography
          id={id}
          variant="overline"
          component="h3"
          color="text.secondary"
          sx={{ lineHeight: 1.5, display: 'block' }}
        >
          {props.label}
        </Typography>
        <Typography variant="h4" component="p">
          {props.value}
        </Typography>
        {props.detail && (
          <Typography variant="body2" color="text.secondary">
            {props.detail}
          </Typography>
        )}
      </CardContent>
    </Card>
  );
}

function SeverityCounts({ summary }: { summary: SummaryResponse }) {
  const { t } = useTranslationRef(ownershipTranslationRef);
  const { findings } = summary.figures;
  return (
    <Box
      component="ul"
      sx={{
        m: 0,
        p: 0,
        listStyle: 'none',
        display: 'grid',
        gap: 2,
        gridTemplateColumns: 'repeat(3, minmax(0, 1fr))',
      }}
    >
      {(['error', 'warning', 'info'] as Severity[]).map(severity => (
        <Box
          component="li"
          key={severity}
          sx={{
            borderLeft: 4,
            borderColor: `${severity}.main`,
            pl: 1.5,
          }}
        >
          <Typography variant="h5" component="p">
            {findings[severity]}
          </Typography>
          <Link
            component={RouterLink}
            to={{ search: `?severity=${severity}` }}
            underline="hover"
            variant="body2"
          >
            {t(`auditDashboard.severities.${severity}`)}
          </Link>
        </Box>
      ))}
    </Box>
  );
}

function Summary({ summary }: { summary: SummaryResponse }) {
  const { t } = useTranslationRef(ownershipTranslationRef);
  const { figures } = summary;
  const shares = dashboardShares(summary);
  const generated = new Date(summary.generatedAt);
  return (
    <Stack spacing={3}>
      <Typography variant="body2" color="text.secondary">
        {t('auditDashboard.summaryLine', {
          runId: String(summary.runId),
          time: (
            <time dateTime={summary.generatedAt}>
              {Number.isNaN(generated.getTime())
                ? summary.generatedAt
                : generated.toLocaleString(undefined, {
                    dateStyle: 'medium',
                    timeStyle: 'short',
                  })}
            </time>
          ),
        })}
      </Typography>
      <Box
        sx={{
          display: 'grid',
          gap: 2,
          gridTemplateColumns: 'repeat(auto-fill, minmax(180px, 1fr))',
        }}
      >
        <Figure
          label={t('auditDashboard.figures.services')}
          value={String(figures.services)}
          detail={t('auditDashboard.figures.servicesDetail')}
        />
        <Figure
          label={t('auditDashboard.figures.validOwner')}
          value={percent(shares.validOwner)}
          detail={t('auditDashboard.figures.validOwnerDetail', {
            validOwner: String(figures.validOwner),
            services: String(figures.services),
          })}
        />
        <Figure
          label={t('auditDashboard.figures.onCall')}
          value={percent(shares.onCall)}
          detail={t('auditDashboard.figures.onCallDetail')}
        />
        <Figure
          label={t('auditDashboard.figures.freshRunbooks')}
          value={percent(shares.freshRunbooks)}
          detail={t('auditDashboard.figures.freshRunbooksDetail')}
        />
        <Figure
          label={t('auditDashboard.figures.averageScore')}
          value={String(Math.round(figures.averageScore))}
          detail={t('auditDashboard.figures.averageScoreDetail')}
        />
      </Box>
      <Box
        sx={{
          display: 'grid',
          gap: 2,
          gridTemplateColumns: {
            xs: '1fr',
            lg: 'minmax(0, 3fr) minmax(0, 2fr)',
          },
        }}
      >
        <InfoCard
          titleTypographyProps={{ component: 'h2' }}
          title={t('auditDashboard.trendTitle')}
          subheader={t('auditDashboard.trendSubheader')}
        >
          <TrendChart points={summary.trend} />
        </InfoCard>
        <Stack spacing={2}>
          <InfoCard
            titleTypographyProps={{ component: 'h2' }}
            title={t('auditDashboard.severityTitle')}
          >
            <SeverityCounts summary={summary} />
          </InfoCard>
          <InfoCard
            titleTypographyProps={{ component: 'h2' }}
            title={t('auditDashboard.levelsTitle')}
            subheader={t('auditDashboard.levelsSubheader')}
          >
            <LevelBar levels={figures.levels} legend height={16} />
          </InfoCard>
        </Stack>
      </Box>
    </Stack>
  );
}

/**
 * The audit dashboard: a search box leading to the incident lookup, the
 * latest run, org-wide figures and trend, teams and findings.
 *
 * @public
 */
export function AuditDashboard() {
  const api = useApi(ownershipApiRef);
  const { t } = useTranslationRef(ownershipTranslationRef);
  const [generation, setGeneration] = useState(0);
  const summary = useAsyncRetry(() => api.getSummary(), [api, generation]);
  // A finished run changes every figure: read them all again.
  const onRunFinished = useCallback(() => setGeneration(n => n + 1), []);

  let body;
  if (summary.loading && !summary.value) {
    body = <Progress />;
  } else if (summary.error && isNotFound(summary.error)) {
    body = (
      <Stack spacing={3}>
        <Alert severity="info">
          <AlertTitle>{t('auditDashboard.noRunTitle')}</AlertTitle>
          {t('auditDashboard.noRunBody', {
            runNow: <strong>{t('runStatus.runNow')}</strong>,
          })}
        </Alert>
        <OverviewContent />
      </Stack>
    );
  } else if (summary.error && isNotAllowed(summary.error)) {
    // Teams and findings are filtered by what the user may read; only the
    // organisation-wide figures need ownership.summary.read.
    body = (
      <Stack spacing={3}>
        <Alert severity="info">
          <AlertTitle>{t('auditDashboard.notAllowedTitle')}</AlertTitle>
          {t('auditDashboard.notAllowedBody', {
            permission: <code>ownership.summary.read</code>,
          })}
        </Alert>
        <TeamTable key={`teams-${generation}`} />
        <FindingsTable key={`findings-${generation}`} />
      </Stack>
    );
  } else if (summary.error) {
    body = (
      <ErrorPanelWithRetry
        title={t('auditDashboard.errorTitle')}
        error={summary.error}
        onRetry={summary.retry}
      />
    );
  } else if (summary.value) {
    body = (
      <Stack spacing={3}>
        <Summary summary={summary.value} />
        <TeamTable key={`teams-${generation}`} />
        <FindingsTable key={`findings-${generation}`} />
      </Stack>
    );
  }

  return (
    <Stack spacing={3}>
      <Box
        sx={{
          display: 'grid',
          gap: 2,
          gridTemplateColumns: {
            xs: '1fr',
            md: 'minmax(0, 1fr) minmax(0, 1fr)',
          },
          alignItems: 'start',
        }}
      >
        <Card variant="outlined">
          <CardContent>
            <ServiceSearchBox />
          </CardContent>
        </Card>
        <RunStatus onRunFinished={onRunFinished} />
      </Box>
      {body}
    </Stack>
  );
}
