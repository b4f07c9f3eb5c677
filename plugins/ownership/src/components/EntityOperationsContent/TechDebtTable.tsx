import { Link } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
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
  TechDebtItem,
  TechDebtSummary,
} from '@ownership-portal/plugin-ownership-common';
import { Hint, ReadStateNote, ageInDays, formatDate, isPast } from '../shared';
import { ownershipTranslationRef } from '../../translation';

const IMPACT_COLORS: Record<
  TechDebtItem['impact'],
  'default' | 'info' | 'warning' | 'error'
> = {
  low: 'default',
  medium: 'info',
  high: 'warning',
  critical: 'error',
};

const STATUS_KEYS = {
  open: 'open',
  'in-progress': 'inProgress',
  done: 'done',
  'wont-fix': 'wontFix',
} as const;

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

/**
 * The tech-debt register of an entity: totals, reading problems and every
 * item with impact, age, due date and issue link.
 */
export function TechDebtTable(props: { techDebt?: TechDebtSummary }) {
  const { techDebt } = props;
  const { t } = useTranslationRef(ownershipTranslationRef);
  if (!techDebt) {
    return (
      <Hint>
        {t('techDebtTable.noRegister', {
          annotation: <code>ownership-portal/tech-debt</code>,
        })}
      </Hint>
    );
  }
  return (
    <Stack spacing={1}>
      <Typography variant="body2">
        <strong>{techDebt.openCount}</strong> {t('techDebtTable.open')} ·{' '}
        <Box
          component="strong"
          sx={{ color: techDebt.overdueCount ? 'error.main' : undefined }}
        >
          {techDebt.overdueCount}
        </Box>{' '}
        {t('techDebtTable.overdue')} ·{' '}
        {t('techDebtTable.effort', { count: techDebt.effortDays })}
      </Typography>
      {(techDebt.reads ?? []).map(read => (
        <ReadStateNote
          key={`read:${read.source}`}
          state={read}
          what={
            read.source === 'register' || read.source === 'github'
              ? t(`techDebtTable.sources.${read.source}`)
              : read.source
          }
        />
      ))}
      {techDebt.problems.map(problem => (
        <Alert severity="warning" key={`${problem.source}:${problem.message}`}>
          {problem.source}: {problem.message}
        </Alert>
      ))}
      {techDebt.items.length === 0 ? (
        <Hint>{t('techDebtTable.none')}</Hint>
      ) : (
        <TableContainer>
          <Table size="small" aria-label={t('techDebtTable.tableLabel')}>
            <TableHead>
              <TableRow>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>
                  {t('techDebtTable.columns.id')}
                </TableCell>
                <TableCell sx={{ minWidth: 200 }}>
                  {t('techDebtTable.columns.title')}
                </TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>
                  {t('techDebtTable.columns.impact')}
                </TableCell>
                <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                  {t('techDebtTable.columns.age')}
                </TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>
                  {t('techDebtTable.columns.due')}
                </TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>
                  {t('techDebtTable.columns.status')}
                </TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>
                  {t('techDebtTable.columns.issue')}
                </TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {techDebt.items.map(item => {
                const overdue = isOpen(item) && !!item.due && isPast(item.due);
                return (
                  <TableRow key={`${item.source}:${item.id}`}>
                    <TableCell sx={{ whiteSpace: 'nowrap' }}>
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
                    <TableCell sx={{ whiteSpace: 'nowrap' }}>
                      {item.due ? formatDate(item.due) : '—'}
                      {overdue && (
                        <Chip
                          size="small"
                          color="error"
                          label={t('techDebtTable.overdueChip')}
                          sx={{ ml: 1 }}
                        />
                      )}
                    </TableCell>
                    <TableCell sx={{ whiteSpace: 'nowrap' }}>
                      {STATUS_KEYS[item.status]
                        ? t(`techDebtTable.status.${STATUS_KEYS[item.status]}`)
                        : item.status}
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
