import type { NotificationPayload } from '@backstage/plugin-notifications-common';
import type { CampaignRecord } from '../../../database/campaignTypes';
import type { DueNotice, TeamTally } from './dueNotices';

const HOUR_MS = 60 * 60 * 1000;

/** `2027-01-18 17:00 UTC`: the same for every reader and processor. */
function formatDue(dueAt: string): string {
  return `${new Date(dueAt).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

function plural(count: number, one: string, many = `${one}s`) {
  return `${count} ${count === 1 ? one : many}`;
}

function timeLeft(dueAt: string, now: Date): string {
  const hours = Math.max(
    1,
    Math.round((new Date(dueAt).getTime() - now.getTime()) / HOUR_MS),
  );
  return hours < 48
    ? plural(hours, 'hour')
    : plural(Math.round(hours / 24), 'day');
}

function teamName(tally: TeamTally) {
  return tally.teamTitle ?? tally.team;
}

/** The team's attestation view of the campaign, in the Ownership page. */
function teamLink(campaign: CampaignRecord, team: string) {
  return `/ownership/attestations?campaign=${
    campaign.id
  }&team=${encodeURIComponent(team)}`;
}

function teamPayload(
  campaign: CampaignRecord,
  notice: Exclude<DueNotice, { occasion: 'complete' }>,
  now: Date,
): Pick<NotificationPayload, 'title' | 'description' | 'severity'> {
  const { tally } = notice;
  const due = formatDue(campaign.dueAt);
  const pending = plural(tally.pending, 'service');
  if (notice.occasion === 'opened') {
    return {
      title: `${campaign.title} is open: confirm what ${teamName(tally)} owns`,
      description: `${teamName(tally)} has ${pending} of ${
        tally.total
      } to answer by ${due}.`,
      severity: 'normal',
    };
  }
  if (notice.occasion === 'overdue') {
    return {
      title: `${campaign.title} is overdue`,
      description: `${teamName(tally)} still has ${pending} of ${
        tally.total
      } unanswered; they were due ${due}.`,
      severity: 'high',
    };
  }
  return {
    title: `${campaign.title} is due in ${timeLeft(campaign.dueAt, now)}`,
    description: `${teamName(tally)} still has ${pending} of ${
      tally.total
    } unanswered; due ${due}.`,
    severity: 'normal',
  };
}

/**
 * The notification of a notice: a title naming the campaign, what is left
 * to do and by when, a link to where it is done, the campaign as topic, and
 * one scope per campaign and recipient so that a newer reminder replaces
 * the older one in the recipient's inbox instead of piling up.
 */
export function noticePayload(
  campaign: CampaignRecord,
  notice: DueNotice,
  now: Date,
): NotificationPayload {
  const common = {
    topic: `Ownership campaign: ${campaign.title} (#${campaign.id})`,
    scope: `ownership-campaign:${campaign.id}:${notice.recipient}`,
  };
  if (notice.occasion === 'complete') {
    return {
      ...common,
      title: `${campaign.title}: every service is answered`,
      description: `All ${plural(
        notice.answered,
        'service',
      )} of the campaign have an answer; it is due ${formatDue(
        campaign.dueAt,
      )} and can be closed.`,
      link: `/ownership/campaigns/${campaign.id}`,
      severity: 'normal',
    };
  }
  return {
    ...common,
    ...teamPayload(campaign, notice, now),
    link: teamLink(campaign, notice.recipient),
  };
}
