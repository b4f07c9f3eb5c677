import { parseEntityRef } from '@backstage/catalog-model';
import type {
  CampaignRecord,
  ItemState,
} from '../../../database/campaignTypes';

const DAY_MS = 24 * 60 * 60 * 1000;

/** What a team stands at in a campaign. */
export interface TeamTally {
  team: string;
  teamTitle?: string;
  /** Items whose entity is still in the catalog. */
  total: number;
  /** Of those, the unanswered ones. */
  pending: number;
}

/** One notice a campaign owes now: to whom, on which occasion, about what. */
export type DueNotice =
  | { occasion: 'opened'; recipient: string; tally: TeamTally }
  | {
      occasion: `due-${number}d`;
      recipient: string;
      tally: TeamTally;
    }
  | { occasion: 'overdue'; recipient: string; tally: TeamTally }
  | { occasion: 'complete'; recipient: string; answered: number };

/**
 * Whether an item's team can receive notifications: the owner resolved at
 * opening to a Group or User of the catalog. An owner that did not resolve
 * is stored as written and has no title, even when written as a full ref.
 */
function isRecipient(item: ItemState): boolean {
  if (item.teamTitle === undefined) {
    return false;
  }
  try {
    const { kind } = parseEntityRef(item.team);
    return ['group', 'user'].includes(kind.toLocaleLowerCase('en-US'));
  } catch {
    return false;
  }
}

/** Tallies of the teams that can be notified, by team ref. */
function teamTallies(items: ItemState[]): TeamTally[] {
  const tallies = new Map<string, TeamTally>();
  for (const item of items) {
    if (item.gone || !isRecipient(item)) {
      continue;
    }
    const tally = tallies.get(item.team) ?? {
      team: item.team,
      ...(item.teamTitle !== undefined && { teamTitle: item.teamTitle }),
      total: 0,
      pending: 0,
    };
    tally.total += 1;
    tally.pending += item.answer ? 0 : 1;
    tallies.set(item.team, tally);
  }
  return [...tallies.values()];
}

/**
 * The offset, in days before the due date, whose moment has come most
 * recently: when several have passed since the last look, only the nearest
 * one is worth a reminder. None once the campaign is due.
 */
function nearestPassedOffset(
  dueAt: Date,
  now: Date,
  offsetsDays: number[],
): number | undefined {
  const left = dueAt.getTime() - now.getTime();
  if (left <= 0) {
    return undefined;
  }
  const passed = offsetsDays.filter(days => left <= days * DAY_MS);
  return passed.length > 0 ? Math.min(...passed) : undefined;
}

/**
 * Every notice an open campaign owes at `now`, before deduplication: the
 * caller claims each one, so a notice already sent is skipped there.
 *
 * - `opened`: to every owning team;
 * - `due-<n>d`: at the nearest offset passed, to teams with pending items;
 * - `overdue`: once due, to teams with pending items;
 * - `complete`: to the creator (a User or Group), once every item still in
 *   the catalog has an answer.
 */
export function dueNotices(
  campaign: CampaignRecord,
  items: ItemState[],
  now: Date,
  offsetsDays: number[],
): DueNotice[] {
  const tallies = teamTallies(items);
  const notices: DueNotice[] = tallies.map(tally => ({
    occasion: 'opened',
    recipient: tally.team,
    tally,
  }));
  const behind = tallies.filter(tally => tally.pending > 0);
  const dueAt = new Date(campaign.dueAt);
  const offset = nearestPassedOffset(dueAt, now, offsetsDays);
  if (offset !== undefined) {
    for (const tally of behind) {
      notices.push({
        occasion: `due-${offset}d`,
        recipient: tally.team,
        tally,
      });
    }
  }
  if (now.getTime() >= dueAt.getTime()) {
    for (const tally of behind) {
      notices.push({ occasion: 'overdue', recipient: tally.team, tally });
    }
  }
  const present = items.filter(item => !item.gone);
  // A campaign created with service credentials has nobody to tell.
  const creatorIsEntity = /^(user|group):/i.test(campaign.createdBy);
  if (
    creatorIsEntity &&
    present.length > 0 &&
    present.every(item => item.answer)
  ) {
    notices.push({
      occasion: 'complete',
      recipient: campaign.createdBy,
      answered: present.length,
    });
  }
  return notices;
}
