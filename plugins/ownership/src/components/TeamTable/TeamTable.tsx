import { InfoCard, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import SearchIcon from '@mui/icons-material/Search';
import Box from '@mui/material/Box';
import InputAdornment from '@mui/material/InputAdornment';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TablePagination from '@mui/material/TablePagination';
import TableRow from '@mui/material/TableRow';
import TableSortLabel from '@mui/material/TableSortLabel';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { TeamRollup } from '@ownership-portal/plugin-ownership-common';
import { useState } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import useDebounce from 'react-use/esm/useDebounce';
import { ownershipApiRef } from '../../api';
import { ownershipTranslationRef } from '../../translation';
import {
  ErrorPanelWithRetry,
  OverlayProgress,
  useCursorPages,
} from '../shared';
import { LevelBar } from './LevelBar';

/** Columns the backend sorts teams by. */
type TeamOrderBy = 'title' | 'serviceCount' | 'findings' | 'score';

/** Properties of {@link TeamTable}. */
interface TeamTableProps {
  /** Rows per page at first; 10 by default. */
  pageSize?: number;
}

const PAGE_SIZES = [10, 25, 50];

function FindingCounts({ team }: { team: TeamRollup }) {
  const { t } = useTranslationRef(ownershipTranslationRef);
  const { error, warning, info } = team.findings;
  if (error + warning + info === 0) {
    return (
      <Typography variant="body2" color="text.secondary">
        {t('teamTable.noFindings')}
      </Typography>
    );
  }
  return (
    <Link
      component={RouterLink}
      to={{ search: `?team=${encodeURIComponent(team.entityRef)}` }}
      aria-label={t('teamTable.findingsLinkLabel', {
        errors: t('teamTable.errorCount', { count: error }),
        warnings: t('teamTable.warningCount', { count: warning }),
        info: String(info),
        team: team.title,
      })}
      underline="hover"
      variant="body2"
    >
      <Box component="span" sx={{ color: 'error.main', fontWeight: 600 }}>
        {error}
      </Box>{' '}
      {t('teamTable.errors', { count: error })} ·{' '}
      <Box component="span" sx={{ color: 'warning.main', fontWeight: 600 }}>
        {warning}
      </Box>{' '}
      {t('teamTable.warnings', { count: warning })} ·{' '}
      {t('teamTable.info', { count: info })}
    </Link>
  );
}

/**
 * Teams of the latest run with their services, findings, maturity levels and
 * score, paged and sorted by the backend. The backend pages with cursors, so
 * the table keeps the cursor of every page it has seen to go back.
 *
 * @public
 */
export function TeamTable(props: TeamTableProps) {
  const api = useApi(ownershipApiRef);
  const { t } = useTranslationRef(ownershipTranslationRef);
  const [orderBy, setOrderBy] = useState<TeamOrderBy>('score');
  const [order, setOrder] = useState<'asc' | 'desc'>('asc');
  const [search, setSearch] = useState('');
  const [query, setQuery] = useState('');

  useDebounce(() => setQuery(search.trim()), 300, [search]);

  const { value, loading, error, retry, page, pagination } = useCursorPages({
    selection: JSON.stringify([orderBy, order, query]),
    pageSize: props.pageSize ?? 10,
    pageSizes: PAGE_SIZES,
    load: request =>
      api.listTeams({
        ...request,
        orderBy,
        order,
        ...(query && { q: query }),
      }),
  });

  const sortBy = (column: TeamOrderBy) => {
    if (column === orderBy) {
      setOrder(order === 'asc' ? 'desc' : 'asc');
    } else {
      setOrderBy(column);
      // Worst first for figures where higher is worse.
      setOrder(
        column === 'serviceCount' || column === 'findings' ? 'desc' : 'asc',
      );
    }
  };

  const sortHeader = (column: TeamOrderBy, label: string, numeric = false) => (
    <TableCell
      align={numeric ? 'right' : 'left'}
      sortDirection={orderBy === column ? order : false}
    >
      <TableSortLabel
        active={orderBy === column}
        direction={orderBy === column ? order : 'asc'}
        onClick={() => sortBy(column)}
      >
        {label}
      </TableSortLabel>
    </TableCell>
  );

  let content;
  if (error) {
    content = (
      <ErrorPanelWithRetry
        title={t('teamTable.errorTitle')}
        error={error}
        onRetry={retry}
      />
    );
  } else if (!value) {
    content = <Progress />;
  } else if (value.items.length === 0 && page === 0) {
    content = (
      <Typography variant="body2" sx={{ py: 2 }}>
        {query ? t('teamTable.noMatches', { query }) : t('teamTable.none')}
      </Typography>
    );
  } else {
    content = (
      <>
        <TableContainer>
          <Table size="small" aria-label={t('teamTable.tableLabel')}>
            <TableHead>
              <TableRow>
                {sortHeader('title', t('teamTable.columns.team'))}
                {sortHeader(
                  'serviceCount',
                  t('teamTable.columns.services'),
                  true,
                )}
                {sortHeader('findings', t('teamTable.columns.findings'))}
                <TableCell>{t('teamTable.columns.levels')}</TableCell>
                {sortHeader('score', t('teamTable.columns.score'), true)}
              </TableRow>
            </TableHead>
            <TableBody>
              {value.items.map(team => (
                <TableRow key={team.entityRef} hover>
                  <TableCell component="th" scope="row">
                    <EntityRefLink
                      entityRef={team.entityRef}
                      defaultKind="group"
                      hideIcon
                    >
                      {team.title}
                    </EntityRefLink>
                    <Typography
                      variant="caption"
                      display="block"
                      color="text.secondary"
                    >
                      {t('teamTable.members', { count: team.memberCount })}
                    </Typography>
                  </TableCell>
                  <TableCell align="right">{team.serviceCount}</TableCell>
                  <TableCell>
                    <FindingCounts team={team} />
                  </TableCell>
                  <TableCell sx={{ minWidth: 120 }}>
                    <LevelBar levels={team.levels} />
                  </TableCell>
                  <TableCell align="right">{Math.round(team.score)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
        {pagination && (
          <TablePagination
            component="div"
            {...pagination}
            labelRowsPerPage={t('teamTable.perPage')}
          />
        )}
      </>
    );
  }

  return (
    <InfoCard
      titleTypographyProps={{ component: 'h2' }}
      title={t('teamTable.title')}
      subheader={t('teamTable.subheader')}
    >
      <Stack spacing={2}>
        <TextField
          size="small"
          type="search"
          label={t('teamTable.filterLabel')}
          value={search}
          onChange={event => setSearch(event.target.value)}
          sx={{ maxWidth: 360 }}
          InputProps={{
            startAdornment: (
              <InputAdornment position="start">
                <SearchIcon fontSize="small" />
              </InputAdornment>
            ),
          }}
        />
        <Box sx={{ position: 'relative' }}>
          {loading && value && (
            <OverlayProgress label={t('teamTable.loadingLabel')} />
          )}
          {content}
        </Box>
      </Stack>
    </InfoCard>
  );
}
