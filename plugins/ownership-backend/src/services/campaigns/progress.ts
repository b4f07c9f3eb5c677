import type {
  CampaignProgress,
  CampaignTeamProgress,
} from '@ownership-portal/plugin-ownership-common';
import type { ItemState } from '../../database/campaignTypes';

function empty(): CampaignProgress {
  return {
    total: 0,
    answered: 0,
    confirmed: 0,
    transferred: 0,
    notOurs: 0,
    retire: 0,
    pending: 0,
    gone: 0,
  };
}

function count(progress: CampaignProgress, item: ItemState) {
  progress.total += 1;
  if (item.answer) {
    progress.answered += 1;
  }
  switch (item.answer) {
    case 'confirm':
      progress.confirmed += 1;
      break;
    case 'transfer':
      progress.transferred += 1;
      break;
    case 'not-ours':
      progress.notOurs += 1;
      break;
    case 'retire':
      progress.retire += 1;
      break;
    default:
      if (item.gone) {
        progress.gone += 1;
      } else {
        progress.pending += 1;
      }
  }
}

/** Counts of a campaign's items; an unanswered item that left the catalog is `gone`, not pending. */
export function campaignProgress(items: ItemState[]): CampaignProgress {
  const progress = empty();
  for (const item of items) {
    count(progress, item);
  }
  return progress;
}

/** Counts per owning team, by team ref; overdue teams are past due with items pending. */
export function teamProgress(
  items: ItemState[],
  overdue: boolean,
): CampaignTeamProgress[] {
  const teams = new Map<string, CampaignTeamProgress>();
  for (const item of items) {
    let team = teams.get(item.team);
    if (!team) {
      team = {
        ...empty(),
        team: item.team,
        ...(item.teamTitle && { teamTitle: item.teamTitle }),
        overdue: false,
      };
      teams.set(item.team, team);
    }
    count(team, item);
  }
  return [...teams.values()]
    .map(team => ({ ...team, overdue: overdue && team.pending > 0 }))
    .sort((a, b) => Number(a.team > b.team) - Number(a.team < b.team));
}
