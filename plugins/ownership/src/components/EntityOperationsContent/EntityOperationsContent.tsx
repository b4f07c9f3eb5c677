import { InfoCard, Link } from '@backstage/core-components';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type {
  AdrInfo,
  AdrStatus,
  RunbookInfo,
  ServiceDetails,
  TechDebtItem,
  TechDebtSummary,
} from '@ownership-portal/plugin-ownership-common';
import type { ReactNode } from 'react';
import {
  FindingsList,
  MATURITY_LEVEL_DESCRIPTIONS,
  OnCallBlock,
  RunbookStatusBadge,
  ScoreHistoryChart,
  ServiceDetailsLoader,
  ageInDays,
  formatDate,
  isPast,
  maturityLabel,
  plural,
} from '../shared';

const RUNBOOK_SOURCES: Record<RunbookInfo['source'], string> = {
  'service-link': 'Entity link',
  'team-link': 'Team link',
  annotation: 'Annotation',
};

const ADR_STATUS_COLORS: Record<
  AdrStatus,
  'success' | 'info' | 'default' | 'warning' | 'error'
> = {
  accepted: 'success',
  proposed: 'info',
  superseded: 'default',
  deprecated: 'warning',
  rejected: 'error',
  unknown: 'default',
};

const IMPACT_COLORS: Record<
  TechDebtItem['impact'],
  'default' | 'info' | 'warning' | 'error'
> = {
  low: 'default',
  medium: 'info',
  high: 'warning',
  critical: 'error',
};

const STATUS_LABELS: Record<TechDebtItem['status'], string> = {
  open: 'Open',
  'in-progress': 'In progress',
  done: 'Done',
  'wont-fix': "Won't fix",
};

function Hint(props: { children: ReactNode }) {
  return (
    <Typography variant="body2" color="text.secondary">
      {props.children}
    </Typography>
  );
}

function RunbooksTable(props: { runbooks?: RunbookInfo[] }) {
  const runbooks = props.runbooks ?? [];
  if (runbooks.length === 0) {
    return (
      <Hint>
        No runbook. Add a link with <code>type: runbook</code> to{' '}
        <code>metadata.links</code> (of the entity or its team), or the{' '}
        <code>ownership-portal/runbooks</code> annotation naming a markdown file
        or folder, in catalog-info.yaml.
      </Hint>
    );
  }
  return (
    <TableContainer>
      <Table size="small" aria-label="Runbooks">
        <TableHead>
          <TableRow>
            <TableCell>Title</TableCell>
            <TableCell>Source</TableCell>
            <TableCell>Reviewed</TableCell>
            <TableCell>Freshness</TableCell>
            <TableCell>Notes</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {runbooks.map(runbook => (
            <TableRow key={runbook.url}>
              <TableCell>
                <Link to={runbook.url}>{runbook.title}</Link>
              </TableCell>
              <TableCell>
                {RUNBOOK_SOURCES[runbook.source] ?? runbook.source}
              </TableCell>
              <TableCell>
                {runbook.reviewedAt ? (
                  <>
                    {formatDate(runbook.reviewedAt)}
                    {runbook.reviewedFrom && (
                      <Typography
                        variant="caption"
                        color="text.secondary"
                        component="span"
                        display="block"
                      >
                        {runbook.reviewedFrom === 'front-matter'
                          ? 'from front matter'
                          : 'last modified'}
                      </Typography>
                    )}
                  </>
                ) : (
                  '—'
                )}
              </TableCell>
              <TableCell>
                <RunbookStatusBadge runbook={runbook} />
              </TableCell>
              <TableCell>{runbook.reason ?? ''}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}

function AdrTable(props: { adrs?: AdrInfo[]; problems?: string[] }) {
  const { adrs, problems } = props;
  const problemAlert =
    problems && problems.length > 0 ? (
      <Alert severity="warning" sx={{ mb: 1 }}>
        Could not read all decision records: {problems.join('; ')}
      </Alert>
    ) : null;
  if (!adrs) {
    return (
      <>
        {problemAlert}
        <Hint>
          No ADR location. Set the <code>backstage.io/adr-location</code>{' '}
          annotation in catalog-info.yaml to the folder of the entity&apos;s
          architecture decision records (MADR or Nygard format).
        </Hint>
      </>
    );
  }
  if (adrs.length === 0) {
    return (
      <>
        {problemAlert}
        <Hint>No decision records found in the ADR location.</Hint>
      </>
    );
  }
  const sorted = [...adrs].sort((a, b) =>
    (b.date ?? '').localeCompare(a.date ?? ''),
  );
  return (
    <>
      {problemAlert}
      <TableContainer>
        <Table size="small" aria-label="Architecture decision records">
          <TableHead>
            <TableRow>
              <TableCell>Title</TableCell>
              <TableCell>Status</TableCell>
              <TableCell>Date</TableCell>
              <TableCell>Superseded by</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {sorted.map(adr => (
              <TableRow key={adr.file}>
                <TableCell>
                  <Link to={adr.url}>{adr.title}</Link>
                  <Typography
                    variant="caption"
                    color="text.secondary"
                    component="span"
                    display="block"
                  >
                    {adr.file}
                  </Typography>
                </TableCell>
                <TableCell>
                  <Chip
                    size="small"
                    color={ADR_STATUS_COLORS[adr.status] ?? 'default'}
                    variant={adr.status === 'accepted' ? 'filled' : 'outlined'}
                    label={adr.status}
                  />
                </TableCell>
                <TableCell>{adr.date ? formatDate(adr.date) : '—'}</TableCell>
                <TableCell>{adr.supersededBy ?? ''}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
    </>
  );
}

function isOpen(item: TechDebtItem) {
  return item.status === 'open' || item.status === 'in-progress';
}

function IssueLink(props: { issue: string }) {
  const { issue } = props;
  if (!/^https?:\/\//.test(issue)) {
    return <>{issue}</>;
  }
  const gh = /github\.com\/([^/]+\/[^/]+)\/(?:issues|pull)\/(\d+)/.exec(issue);
  return <Link to={issue}>{gh ? `${gh[1]}#${gh[2]}` : issue}</Link>;
}

function TechDebtTable(props: { techDebt?: TechDebtSummary }) {
  const { techDebt } = props;
  if (!techDebt) {
    return (
      <Hint>
        No tech-debt register. Add the <code>ownership-portal/tech-debt</code>{' '}
        annotation naming a register YAML file to catalog-info.yaml.
      </Hint>
    );
  }
  return (
    <Stack spacing={1}>
      <Typography variant="body2">
        <strong>{techDebt.openCount}</strong> open ·{' '}
        <Box
          component="strong"
          sx={{ color: techDebt.overdueCount ? 'error.main' : undefined }}
        >
          {techDebt.overdueCount}
        </Box>{' '}
        overdue · {plural(techDebt.effortDays, 'day')} of effort
      </Typography>
      {techDebt.problems.map(problem => (
        <Alert severity="warning" key={`${problem.source}:${problem.message}`}>
          {problem.source}: {problem.message}
        </Alert>
      ))}
      {techDebt.items.length === 0 ? (
        <Hint>No tech-debt items.</Hint>
      ) : (
        <TableContainer>
          <Table size="small" aria-label="Tech debt">
            <TableHead>
              <TableRow>
                <TableCell>ID</TableCell>
                <TableCell>Title</TableCell>
                <TableCell>Impact</TableCell>
                <TableCell align="right">Age (days)</TableCell>
                <TableCell>Due</TableCell>
                <TableCell>Status</TableCell>
                <TableCell>Issue</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {techDebt.items.map(item => {
                const overdue = isOpen(item) && !!item.due && isPast(item.due);
                return (
                  <TableRow key={`${item.source}:${item.id}`}>
                    <TableCell>
                      <code>{item.id}</code>
                    </TableCell>
                    <TableCell>{item.title}</TableCell>
                    <TableCell>
                      <Chip
                        size="small"
                        variant="outlined"
                        color={IMPACT_COLORS[item.impact] ?? 'default'}
                        label={item.impact}
                      />
                    </TableCell>
                    <TableCell align="right">
                      {ageInDays(item.created)}
                    </TableCell>
                    <TableCell>
                      {item.due ? formatDate(item.due) : '—'}
                      {overdue && (
                        <Chip
                          size="small"
                          color="error"
                          label="Overdue"
                          sx={{ ml: 1 }}
                        />
                      )}
                    </TableCell>
                    <TableCell>
                      {STATUS_LABELS[item.status] ?? item.status}
                    </TableCell>
                    <TableCell>
                      {item.issue ? <IssueLink issue={item.issue} /> : ''}
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </TableContainer>
      )}
    </Stack>
  );
}

/** The body of the tab for a loaded audit result. */
export function OperationsDetails(props: { details: ServiceDetails }) {
  const { details } = props;
  return (
    <Box
      sx={{
        display: 'grid',
        gap: 3,
        gridTemplateColumns: { xs: '1fr', lg: 'repeat(2, minmax(0, 1fr))' },
        alignItems: 'start',
      }}
    >
      <InfoCard
        title="Maturity"
        subheader={`${maturityLabel(details.level)}: ${
          MATURITY_LEVEL_DESCRIPTIONS[details.level]
        }`}
      >
        <Typography variant="body2" gutterBottom>
          Score {Math.round(details.score)}/100 in the latest audit run.
        </Typography>
        <ScoreHistoryChart points={details.history} />
      </InfoCard>
      <InfoCard title="On call">
        <OnCallBlock oncall={details.oncall} detailed />
      </InfoCard>
      <Box sx={{ gridColumn: '1 / -1' }}>
        <InfoCard title="Runbooks">
          <RunbooksTable runbooks={details.runbooks} />
        </InfoCard>
      </Box>
      <Box sx={{ gridColumn: '1 / -1' }}>
        <InfoCard title="Architecture decisions">
          <AdrTable adrs={details.adrs} problems={details.adrProblems} />
        </InfoCard>
      </Box>
      <Box sx={{ gridColumn: '1 / -1' }}>
        <InfoCard title="Tech debt">
          <TechDebtTable techDebt={details.techDebt} />
        </InfoCard>
      </Box>
      <Box sx={{ gridColumn: '1 / -1' }}>
        <InfoCard title="Findings">
          <FindingsList findings={details.findings} />
        </InfoCard>
      </Box>
    </Box>
  );
}

/**
 * The "Operations" entity tab: runbooks, ADRs, tech debt, findings with
 * remediation and the entity's score over the stored audit runs.
 *
 * @public
 */
export function EntityOperationsContent() {
  return (
    <ServiceDetailsLoader subject="operations">
      {details => <OperationsDetails details={details} />}
    </ServiceDetailsLoader>
  );
}
