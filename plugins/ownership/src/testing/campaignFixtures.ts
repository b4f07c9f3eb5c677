import type {
  Attestation,
  Campaign,
  CampaignDetails,
  CampaignItem,
  CampaignProgress,
  CampaignTeamProgress,
  PendingAttestation,
} from '@ownership-portal/plugin-ownership-common';

/** Counts of a campaign or team with `answered` and `pending` derived. */
export function progressOf(
  counts: Partial<Omit<CampaignProgress, 'answered' | 'pending'>> & {
    total: number;
  },
): CampaignProgress {
  const confirmed = counts.confirmed ?? 0;
  const transferred = counts.transferred ?? 0;
  const notOurs = counts.notOurs ?? 0;
  const retire = counts.retire ?? 0;
  const answered = confirmed + transferred + notOurs + retire;
  return {
    total: counts.total,
    answered,
    confirmed,
    transferred,
    notOurs,
    retire,
    pending: counts.total - answered,
    gone: counts.gone ?? 0,
  };
}

/** An open campaign "Q4 ownership review", 3 of 8 items answered. */
export function campaign(overrides: Partial<Campaign> = {}): Campaign {
  return {
    id: 7,
    title: 'Q4 ownership review',
    instructions:
      'Confirm each service **your team** owns.\n\nSee [the guide](https://docs.example/review).',
    scope: { include: { kinds: ['Component'] } },
    state: 'open',
    opensAt: '2026-11-01T00:00:00.000Z',
    dueAt: '2026-12-15T00:00:00.000Z',
    closesAt: '2026-12-22T00:00:00.000Z',
    createdBy: 'user:default/maria.chen',
    createdAt: '2026-10-20T09:00:00.000Z',
    openedAt: '2026-11-01T00:00:00.000Z',
    overdue: false,
    progress: progressOf({ total: 8, confirmed: 2, transferred: 1 }),
    ...overrides,
  };
}

/** A team's row of a campaign's progress. */
export function teamProgress(
  team: string,
  counts: Parameters<typeof progressOf>[0],
  overrides: Partial<CampaignTeamProgress> = {},
): CampaignTeamProgress {
  return { ...progressOf(counts), team, overdue: false, ...overrides };
}

/** The campaign of {@link campaign} with the progress of two teams. */
export function campaignDetails(
  overrides: Partial<CampaignDetails> = {},
): CampaignDetails {
  return {
    ...campaign(),
    teams: [
      teamProgress(
        'group:default/payments',
        { total: 5, confirmed: 2, transferred: 1 },
        { teamTitle: 'Payments Team' },
      ),
      teamProgress(
        'group:default/search',
        { total: 3 },
        { teamTitle: 'Search' },
      ),
    ],
    ...overrides,
  };
}

/** An unanswered item of campaign 7 owned by the payments team. */
export function campaignItem(
  name: string,
  overrides: Partial<CampaignItem> = {},
): CampaignItem {
  return {
    campaignId: 7,
    entityRef: `component:default/${name}`,
    title: name,
    kind: 'Component',
    team: 'group:default/payments',
    teamTitle: 'Payments Team',
    findings: [],
    gone: false,
    answers: 0,
    ...overrides,
  };
}

/** A pending item of campaign 7 ("Q4 ownership review", due 15 Dec 2026). */
export function pendingItem(
  name: string,
  overrides: Partial<CampaignItem> = {},
  campaignOverrides: Partial<PendingAttestation['campaign']> = {},
): PendingAttestation {
  return {
    campaign: {
      id: 7,
      title: 'Q4 ownership review',
      dueAt: '2026-12-15T00:00:00.000Z',
      overdue: false,
      ...campaignOverrides,
    },
    item: campaignItem(name, overrides),
  };
}

/** The attestation the backend stores for an answer. */
export function attestationOf(
  campaignId: number,
  input: Pick<Attestation, 'entityRef' | 'answer'> & Partial<Attestation>,
): Attestation {
  return {
    id: 100,
    campaignId,
    team: 'group:default/payments',
    by: 'user:default/ada.lovelace',
    at: '2026-12-01T10:00:00.000Z',
    ...input,
  };
}
