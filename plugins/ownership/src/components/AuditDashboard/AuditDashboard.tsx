import { InfoCard, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
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
export function dashboardShares(summary: SummaryResponse) {
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

const SEVERITY_LABELS: Record<Severity, string> = {
  error: 'Errors',
  warning: 'Warnings',
  info: 'Info',
};

function SeverityCounts({ summary }: { summary: SummaryResponse }) {
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
      {(['error', 'warning', 'info'] as const).map(severity => (
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
            {SEVERITY_LABELS[severity]}
          </Link>
        </Box>
      ))}
    </Box>
  );
}

function Summary({ summary }: { summary: SummaryResponse }) {
  const { figures } = summary;
  const shares = dashboardShares(summary);
  const generated = new Date(summary.generatedAt);
  return (
    <Stack spacing={3}>
      <Typography variant="body2" color="text.secondary">
        Figures of audit run #{summary.runId}, finished{' '}
        <time dateTime={summary.generatedAt}>
          {Number.isNaN(generated.getTime())
            ? summary.generatedAt
            : generated.toLocaleString(undefined, {
                dateStyle: 'medium',
                timeStyle: 'short',
              })}
        </time>
        .
      </Typography>
      <Box
        sx={{
          display: 'grid',
          gap: 2,
          gridTemplateColumns: 'repeat(auto-fill, minmax(180px, 1fr))',
        }}
      >
        <Figure
          label="Services audited"
          value={String(figures.services)}
          detail="Components, systems, APIs and resources in scope"
        />
        <Figure
          label="Valid owning team"
          value={percent(shares.validOwner)}
          detail={`${figures.validOwner} of ${figures.services} owned by a team with members`}
        />
        <Figure
          label="On-call"
          value={percent(shares.onCall)}
          detail="Without an oncall.missing finding"
        />
        <Figure
          label="Fresh runbooks"
          value={percent(shares.freshRunbooks)}
          detail="Without a missing or stale runbook"
        />
        <Figure
          label="Average score"
          value={String(Math.round(figures.averageScore))}
          detail="0–100, severity-weighted rules passed"
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
          title="Trend"
          subheader="Per stored audit run, oldest first"
        >
          <TrendChart points={summary.trend} />
        </InfoCard>
        <Stack spacing={2}>
          <InfoCard
            titleTypographyProps={{ component: 'h2' }}
            title="Findings by severity"
          >
            <SeverityCounts summary={summary} />
          </InfoCard>
          <InfoCard
            titleTypographyProps={{ component: 'h2' }}
            title="Maturity levels"
            subheader="0 not owned · 1 owned · 2 operable · 3 documented · 4 healthy"
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
          <AlertTitle>No audit run has completed yet</AlertTitle>
          Figures, teams and findings appear here after the first run. It starts
          on schedule shortly after the backend starts; users allowed to start
          runs can use <strong>Run now</strong>. Until then, this is what the
          audit will cover:
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
          <AlertTitle>
            Organisation-wide figures are not shown to you
          </AlertTitle>
          They count every audited entity, so they need the permission{' '}
          <code>ownership.summary.read</code>; ask your Backstage administrator
          for it. The teams and findings below are the ones you may read in the
          catalog.
        </Alert>
        <TeamTable key={`teams-${generation}`} />
        <FindingsTable key={`findings-${generation}`} />
      </Stack>
    );
  } else if (summary.error) {
    body = (
      <ErrorPanelWithRetry
        title="Could not load the audit summary"
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
