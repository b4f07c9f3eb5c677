import { InfoCard, Progress } from '@backstage/core-components';
import { useAnalytics, useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import DownloadIcon from '@mui/icons-material/Download';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TablePagination from '@mui/material/TablePagination';
import TableRow from '@mui/material/TableRow';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import type {
  FindingRecord,
  Severity,
} from '@ownership-portal/plugin-ownership-common';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import { type OwnershipFilters, ownershipApiRef } from '../../api';
import { ownershipTranslationRef } from '../../translation';
import {
  ErrorPanelWithRetry,
  OverlayProgress,
  useCursorPages,
} from '../shared';
import { MultiSelect } from './MultiSelect';
import { TeamFilter } from './TeamFilter';

/** Properties of {@link FindingsTable}. */
interface FindingsTableProps {
  /** Rows per page at first; 10 by default. */
  pageSize?: number;
}

const SEVERITIES: Severity[] = ['error', 'warning', 'info'];
const LIFECYCLES = ['production', 'experimental', 'deprecated'];
const PAGE_SIZES = [10, 25, 50, 100];

/** The query-string keys of the filters; shared links carry them. */
const FINDING_FILTER_PARAMS = {
  team: 'team',
  ruleId: 'ruleId',
  severity: 'severity',
  lifecycle: 'lifecycle',
} as const;

/** Reads the filters from the query string. */
function filtersFromSearchParams(params: URLSearchParams): OwnershipFilters {
  const team = params.get(FINDING_FILTER_PARAMS.team) ?? undefined;
  const ruleId = params.getAll(FINDING_FILTER_PARAMS.ruleId);
  const severity = params
    .getAll(FINDING_FILTER_PARAMS.severity)
    .filter((s): s is Severity => (SEVERITIES as string[]).includes(s));
  const lifecycle = params.getAll(FINDING_FILTER_PARAMS.lifecycle);
  return {
    ...(team && { team }),
    ...(ruleId.length > 0 && { ruleId }),
    ...(severity.length > 0 && { severity }),
    ...(lifecycle.length > 0 && { lifecycle }),
  };
}

const SEVERITY_COLORS: Record<Severity, 'error' | 'warning' | 'info'> = {
  error: 'error',
  warning: 'warning',
  info: 'info',
};

/**
 * A rule id that a narrow column may break after its dot only, never inside
 * a part: `owner.` then `codeowners-mismatch`.
 */
function RuleIdText(props: { ruleId: string }) {
  const { ruleId } = props;
  const dot = ruleId.indexOf('.');
  const part = (text: string) => (
    <Box component="span" sx={{ whiteSpace: 'nowrap' }}>
      {text}
    </Box>
  );
  if (dot < 0) {
    return part(ruleId);
  }
  return (
    <>
      {part(ruleId.slice(0, dot + 1))}
      <wbr />
      {part(ruleId.slice(dot + 1))}
    </>
  );
}

function FindingRow(props: { finding: FindingRecord; rule?: string }) {
  const { finding, rule } = props;
  return (
    <TableRow hover sx={{ verticalAlign: 'top' }}>
      <TableCell component="th" scope="row">
        <EntityRefLink
          entityRef={finding.entityRef}
          hideIcon
          style={{ overflowWrap: 'anywhere' }}
        >
          {finding.title}
        </EntityRefLink>
        <Typography variant="caption" display="block" color="text.secondary">
          {finding.kind}
          {finding.lifecycle ? ` · ${finding.lifecycle}` : ''}
        </Typography>
      </TableCell>
      <TableCell>
        <Tooltip title={rule ?? ''} disableHoverListener={!rule}>
          <Box component="code">
            <RuleIdText ruleId={finding.ruleId} />
          </Box>
        </Tooltip>
      </TableCell>
      <TableCell>
        <Chip
          size="small"
          variant="outlined"
          color={SEVERITY_COLORS[finding.severity]}
          label={finding.severity}
        />
      </TableCell>
      <TableCell sx={{ overflowWrap: 'anywhere' }}>{finding.message}</TableCell>
      <TableCell sx={{ overflowWrap: 'anywhere' }}>
        <Typography variant="body2" color="text.secondary">
          {finding.remediation}
        </Typography>
      </TableCell>
    </TableRow>
  );
}

/**
 * Findings of the latest run, filtered by team, rule, severity and lifecycle.
 * The filters live in the query string, so a link to the page shows the same
 * selection; paging is done by the backend, with cursors.
 *
 * @public
 */
export function FindingsTable(props: FindingsTableProps) {
  const api = useApi(ownershipApiRef);
  const analytics = useAnalytics();
  const { t } = useTranslationRef(ownershipTranslationRef);
  const [searchParams, setSearchParams] = useSearchParams();
  // Only the filter parameters: other parameters do not change the selection.
  const filterParams = new URLSearchParams();
  for (const key of Object.values(FINDING_FILTER_PARAMS)) {
    for (const value of searchParams.getAll(key)) {
      filterParams.append(key, value);
    }
  }
  const filterKey = filterParams.toString();
  const filters = useMemo(
    () => filtersFromSearchParams(new URLSearchParams(filterKey)),
    [filterKey],
  );
  const hasFilters = Object.keys(filters).length > 0;

  const rules = useAsync(() => api.listRules(), [api]);
  const ruleDescriptions = useMemo(
    () => new Map((rules.value?.items ?? []).map(r => [r.id, r.description])),
    [rules.value],
  );

  const { value, loading, error, retry, page, pagination } = useCursorPages({
    selection: filterKey,
    pageSize: props.pageSize ?? 10,
    pageSizes: PAGE_SIZES,
    load: request => api.listFindings(filters, request),
  });

  // The export needs the user's Backstage credentials, which a plain link to
  // getExportUrl() would not send: download it through the API (fetchApi)
  // and hand the file to the browser.
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<Error>();
  const exportCsv = async () => {
    setExporting(true);
    setExportError(undefined);
    try {
      const blob = await api.exportCsv(filters);
      const url = URL.createObjectURL(blob);
      const anchor = document.createElement('a');
      anchor.href = url;
      anchor.download = 'ownership-audit.csv';
      document.body.appendChild(anchor);
      anchor.click();
      anchor.remove();
      setTimeout(() => URL.revokeObjectURL(url), 0);
      analytics.captureEvent('export', 'findings CSV', {
        attributes: { filters: filterKey },
      });
    } catch (e) {
      setExportError(e as Error);
    } finally {
      setExporting(false);
    }
  };

  const setFilter = (key: string, values: string[]) => {
    const next = new URLSearchParams(searchParams);
    next.delete(key);
    for (const v of values) {
      if (v) {
        next.append(key, v);
      }
    }
    setSearchParams(next, { replace: true });
    analytics.captureEvent('filter', key, {
      attributes: { values: values.filter(Boolean).join(',') },
    });
  };

  const clearFilters = () => {
    const next = new URLSearchParams(searchParams);
    for (const key of Object.values(FINDING_FILTER_PARAMS)) {
      next.delete(key);
    }
    setSearchParams(next, { replace: true });
  };

  let content;
  if (error) {
    content = (
      <ErrorPanelWithRetry
        title={t('findingsTable.errorTitle')}
        error={error}
        onRetry={retry}
      />
    );
  } else if (!value) {
    content = <Progress />;
  } else if (value.items.length === 0 && page === 0) {
    content = hasFilters ? (
      <Stack spacing={1} alignItems="flex-start" sx={{ py: 2 }}>
        <Typography variant="body2">{t('findingsTable.noMatches')}</Typography>
        <Button size="small" onClick={clearFilters}>
          {t('findingsTable.clearFilters')}
        </Button>
      </Stack>
    ) : (
      <Typography variant="body2" sx={{ py: 2 }}>
        {t('findingsTable.none')}
      </Typography>
    );
  } else {
    content = (
      <>
        <TableContainer>
          <Table size="small" aria-label={t('findingsTable.tableLabel')}>
            <TableHead>
              <TableRow>
                <TableCell sx={{ minWidth: 160 }}>
                  {t('findingsTable.columns.entity')}
                </TableCell>
                <TableCell>{t('findingsTable.columns.rule')}</TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>
                  {t('findingsTable.columns.severity')}
                </TableCell>
                <TableCell sx={{ minWidth: 200 }}>
                  {t('findingsTable.columns.message')}
                </TableCell>
                <TableCell sx={{ minWidth: 200 }}>
                  {t('findingsTable.columns.remediation')}
                </TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {value.items.map((finding, index) => (
                <FindingRow
                  key={`${finding.entityRef}|${finding.ruleId}|${index}`}
                  finding={finding}
                  rule={ruleDescriptions.get(finding.ruleId)}
                />
              ))}
            </TableBody>
          </Table>
        </TableContainer>
        {pagination && (
          <TablePagination
            component="div"
            {...pagination}
            labelRowsPerPage={t('findingsTable.perPage')}
          />
        )}
      </>
    );
  }

  return (
    <InfoCard
      titleTypographyProps={{ component: 'h2' }}
      title={t('findingsTable.title')}
      subheader={t('findingsTable.subheader')}
      action={
        <Button
          onClick={exportCsv}
          disabled={exporting}
          startIcon={<DownloadIcon />}
          size="small"
        >
          {exporting
            ? t('findingsTable.exporting')
            : t('findingsTable.exportCsv')}
        </Button>
      }
    >
      <Stack spacing={2}>
        <Box
          role="group"
          aria-label={t('findingsTable.filtersLabel')}
          sx={{
            display: 'grid',
            gap: 2,
            gridTemplateColumns: 'repeat(auto-fill, minmax(200px, 1fr))',
            alignItems: 'start',
          }}
        >
          <TeamFilter
            value={filters.team}
            onChange={team =>
              setFilter(FINDING_FILTER_PARAMS.team, team ? [team] : [])
            }
          />
          <MultiSelect
            label={t('findingsTable.ruleFilter')}
            value={filters.ruleId ?? []}
            options={(rules.value?.items ?? []).map(r => ({
              value: r.id,
              description: r.description,
            }))}
            helperText={
              rules.error
                ? t('findingsTable.rulesError', {
                    message: rules.error.message,
                  })
                : undefined
            }
            onChange={v => setFilter(FINDING_FILTER_PARAMS.ruleId, v)}
          />
          <MultiSelect
            label={t('findingsTable.severityFilter')}
            value={filters.severity ?? []}
            options={SEVERITIES.map(s => ({ value: s }))}
            onChange={v => setFilter(FINDING_FILTER_PARAMS.severity, v)}
          />
          <MultiSelect
            label={t('findingsTable.lifecycleFilter')}
            value={filters.lifecycle ?? []}
            options={LIFECYCLES.map(l => ({ value: l }))}
            onChange={v => setFilter(FINDING_FILTER_PARAMS.lifecycle, v)}
          />
        </Box>
        {exportError && (
          <Alert severity="error" onClose={() => setExportError(undefined)}>
            {t('findingsTable.exportError', { message: exportError.message })}
          </Alert>
        )}
        {hasFilters && (
          <Box>
            <Button size="small" onClick={clearFilters}>
              {t('findingsTable.clearFilters')}
            </Button>
          </Box>
        )}
        <Box sx={{ position: 'relative' }}>
          {loading && value && (
            <OverlayProgress label={t('findingsTable.loadingLabel')} />
          )}
          {content}
        </Box>
      </Stack>
    </InfoCard>
  );
}
