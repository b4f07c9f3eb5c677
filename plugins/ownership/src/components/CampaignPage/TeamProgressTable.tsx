import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Chip from '@mui/material/Chip';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import type { CampaignTeamProgress } from '@ownership-portal/plugin-ownership-common';
import { ownershipTranslationRef } from '../../translation';
import { CampaignProgressBar } from '../shared';

const COUNTS = [
  'answered',
  'confirmed',
  'transferred',
  'notOurs',
  'retire',
  'pending',
] as const;

/**
 * A campaign's progress per owning team; overdue teams (past due with items
 * pending) carry an "Overdue" chip and a highlighted row.
 */
export function TeamProgressTable(props: {
  teams: CampaignTeamProgress[];
  /** The team to highlight, e.g. from `?team=`. */
  highlight?: string;
}) {
  const { teams, highlight } = props;
  const { t } = useTranslationRef(ownershipTranslationRef);
  return (
    <Table size="small" aria-label={t('campaignPage.teamsLabel')}>
      <TableHead>
        <TableRow>
          <TableCell>{t('campaignPage.columns.team')}</TableCell>
          <TableCell>{t('campaignPage.columns.progress')}</TableCell>
          {COUNTS.map(count => (
            <TableCell key={count} align="right">
              {t(`campaignPage.columns.${count}`)}
            </TableCell>
          ))}
          <TableCell>{t('campaignPage.columns.status')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {teams.map(team => {
          const name = team.teamTitle ?? team.team;
          return (
            <TableRow
              key={team.team}
              selected={team.team.toLocaleLowerCase('en-US') === highlight}
              data-testid={`team-progress-${team.team}`}
              sx={
                team.overdue
                  ? {
                      boxShadow: theme =>
                        `inset 4px 0 ${theme.palette.error.main}`,
                    }
                  : undefined
              }
            >
              <TableCell component="th" scope="row">
                <EntityRefLink entityRef={team.team} defaultKind="group">
                  {team.teamTitle}
                </EntityRefLink>
              </TableCell>
              <TableCell sx={{ minWidth: 200 }}>
                <CampaignProgressBar
                  progress={team}
                  label={t('campaignPage.teamProgressLabel', { team: name })}
                />
              </TableCell>
              {COUNTS.map(count => (
                <TableCell key={count} align="right">
                  {team[count]}
                </TableCell>
              ))}
              <TableCell>
                {team.overdue && (
                  <Chip
                    size="small"
                    color="error"
                    label={t('campaignPage.overdue')}
                  />
                )}
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
