import { InfoCard, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
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
import {
  ErrorPanelWithRetry,
  OverlayProgress,
  plural,
  useCursorPages,
} from '../shared';
import { LevelBar } from './LevelBar';

/** Columns the backend sorts teams by. */
export type TeamOrderBy = 'title' | 'serviceCount' | 'findings' | 'score';

/** Properties of {@link TeamTable}. */
export interface TeamTableProps {
  /** Rows per page at first; 10 by default. */
  pageSize?: number;
}

const PAGE_SIZES = [10, 25, 50];

function FindingCounts({ team }: { team: TeamRollup }) {
  const { error, warning, info } = team.findings;
  if (error + warning + info === 0) {
    return (
      <Typography variant="body2" color="text.secondary">
        None
      </Typography>
    );
  }
  return (
    <Link
      component={RouterLink}
      to={{ search: `?team=${encodeURIComponent(team.entityRef)}` }}
      aria-label={`${plural(error, 'error')}, ${plural(
        warning,
        'warning',
      )}, ${info} info: show the findings of ${team.title}`}
      underline="hover"
      variant="body2"
    >
      <Box component="span" sx={{ color: 'error.main', fontWeight: 600 }}>
        {error}
      </Box>{' '}
      {error === 1 ? 'error' : 'errors'} ·{' '}
      <Box component="span" sx={{ color: 'warning.main', fontWeight: 600 }}>
        {warning}
      </Box>{' '}
      {warning === 1 ? 'warning' : 'warnings'} · {info} info
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
        title="Could not load the teams"
        error={error}
        onRetry={retry}
      />
    );
  } else if (!value) {
    content = <Progress />;
  } else if (value.items.length === 0 && page === 0) {
    content = (
      <Typography variant="body2" sx={{ py: 2 }}>
        {query
          ? `No team matches “${query}”. Try part of its name or title.`
          : 'No teams in the latest audit run. Teams appear once catalog Groups own audited entities through spec.owner.'}
      </Typography>
    );
  } else {
    content = (
      <>
        <TableContainer>
          <Table size="small" aria-label="Teams">
            <TableHead>
              <TableRow>
                {sortHeader('title', 'Team')}
                {sortHeader('serviceCount', 'Services', true)}
                {sortHeader('findings', 'Findings')}
                <TableCell>Maturity levels</TableCell>
                {sortHeader('score', 'Score', true)}
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
                      {plural(team.memberCount, 'member')}
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
            labelRowsPerPage="Teams per page"
          />
        )}
      </>
    );
  }

  return (
    <InfoCard
      titleTypographyProps={{ component: 'h2' }}
      title="Teams"
      subheader="Services include those of sub-groups; the score is the average of the team's services."
    >
      <Stack spacing={2}>
        <TextField
          size="small"
          type="search"
          label="Filter teams"
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
          {loading && value && <OverlayProgress label="Loading teams" />}
          {content}
        </Box>
      </Stack>
    </InfoCard>
  );
}
