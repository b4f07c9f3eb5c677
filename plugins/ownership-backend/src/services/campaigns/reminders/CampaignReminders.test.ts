import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import type {
  NotificationSendOptions,
  NotificationService,
} from '@backstage/plugin-notifications-node';
import { DatabaseCampaignStore } from '../../../database/CampaignStore';
import type { SnapshotItem } from '../../../database/campaignTypes';
import { applyMigrations } from '../../../database/migrations';
import { CampaignReminders } from './CampaignReminders';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const OPENS = new Date('2027-01-04T09:00:00Z');
const DUE = new Date('2027-01-18T17:00:00Z');
const CREATOR = 'user:default/auditor';
const PAYMENTS = 'group:default/payments';
const SEARCH = 'group:default/search';
const ERIN = 'user:default/erin';

function item(
  name: string,
  team: string,
  teamTitle: string | undefined,
): SnapshotItem {
  return {
    entityRef: `component:default/${name}`,
    kind: 'Component',
    title: name,
    team,
    ...(teamTitle !== undefined && { teamTitle }),
    findings: [],
  };
}

const population = [
  item('payments-api', PAYMENTS, 'Payments'),
  item('payments-gateway', PAYMENTS, 'Payments'),
  item('search', SEARCH, 'Search'),
  item('prototype', ERIN, 'Erin'),
  // Owners that did not resolve are stored as written, without a title.
  item('billing', 'group:default/billing-team', undefined),
  item('legacy', 'tbd', undefined),
];

/** A NotificationService that records what it is asked to send, and can fail. */
function recordingNotifications() {
  const sent: NotificationSendOptions[] = [];
  let failures = 0;
  const service: NotificationService = {
    async send(options) {
      if (failures > 0) {
        failures -= 1;
        throw new Error('notifications backend unavailable');
      }
      sent.push(options);
    },
  };
  return {
    service,
    sent,
    failNext(count: number) {
      failures = count;
    },
    /** `recipient occasion-ish title` lines, to compare what went out. */
    notices: () =>
      sent.map(s => {
        const { recipients, payload } = s;
        const to = recipients.type === 'entity' ? recipients.entityRef : '*';
        return `${to} ${payload.title}`;
      }),
  };
}

describe.each(databases.eachSupportedId())('CampaignReminders on %s', id => {
  async function setup(offsetsDays?: number[]) {
    const client = await databases.init(id);
    await applyMigrations({ getClient: async () => client }, client);
    const store = DatabaseCampaignStore.create({ client });
    const { campaign } = await store.create({
      title: 'Q1 2027 ownership review',
      instructions: 'Confirm what you own.',
      scope: { include: { kinds: ['Component'] } },
      opensAt: OPENS,
      dueAt: DUE,
      createdBy: CREATOR,
    });
    await store.open(campaign.id, population, OPENS);
    const notifications = recordingNotifications();
    const logger = mockServices.logger.mock();
    const reminders = () =>
      CampaignReminders.create({
        store,
        notifications: notifications.service,
        logger,
        ...(offsetsDays && { offsetsDays }),
      });
    const answer = (name: string) =>
      store.attest({
        campaignId: campaign.id,
        entityRef: `component:default/${name}`,
        answer: 'confirm',
        actor: 'user:default/someone',
      });
    return { store, campaign, notifications, logger, reminders, answer };
  }

  it('tells each owning team once that the campaign opened, across runs and replicas', async () => {
    const { campaign, notifications, reminders } = await setup();
    const [a, b] = [reminders(), reminders()];
    const now = new Date(OPENS.getTime() + 5 * 60 * 1000);

    await Promise.all([a.remind(now), b.remind(now)]);
    await a.remind(now);
    await reminders().remind(new Date(now.getTime() + HOUR));

    expect(notifications.sent).toHaveLength(3);
    const byTeam = new Map(
      notifications.sent.map(s => [
        s.recipients.type === 'entity' && s.recipients.entityRef,
        s,
      ]),
    );
    // Owners that did not resolve (billing-team, tbd) are skipped.
    expect([...byTeam.keys()].sort()).toEqual([PAYMENTS, SEARCH, ERIN].sort());
    expect(byTeam.get(PAYMENTS)).toEqual({
      recipients: { type: 'entity', entityRef: PAYMENTS },
      payload: {
        title: 'Q1 2027 ownership review is open: confirm what Payments owns',
        description:
          'Payments has 2 services of 2 to answer by 2027-01-18 17:00 UTC.',
        link: `/ownership/attestations?campaign=${campaign.id}&team=group%3Adefault%2Fpayments`,
        severity: 'normal',
        topic: `Ownership campaign: Q1 2027 ownership review (#${campaign.id})`,
        scope: `ownership-campaign:${campaign.id}:${PAYMENTS}`,
      },
    });
  });

  it('reminds at an offset before the due date only the teams with pending items', async () => {
    const { notifications, reminders, answer } = await setup();
    const remind = reminders();
    await remind.remind(OPENS);
    await answer('payments-api');
    await answer('payments-gateway');
    notifications.sent.length = 0;

    await remind.remind(new Date(DUE.getTime() - 6 * DAY));
    await remind.remind(new Date(DUE.getTime() - 5 * DAY));

    expect(notifications.notices().sort()).toEqual([
      `${SEARCH} Q1 2027 ownership review is due in 6 days`,
      `${ERIN} Q1 2027 ownership review is due in 6 days`,
    ]);
    expect(notifications.sent[0].payload.description).toMatch(
      /still has 1 service of 1 unanswered; due 2027-01-18 17:00 UTC\.$/,
    );
  });

  it('sends only the nearest offset when several have passed, and not the farther one later', async () => {
    const { store, campaign, notifications, reminders } = await setup([
      7, 3, 1,
    ]);
    const remind = reminders();
    await remind.remind(OPENS);
    notifications.sent.length = 0;

    // Nothing ran for days: 7 and 3 days before are both behind us.
    await remind.remind(new Date(DUE.getTime() - 2 * DAY));
    await remind.remind(new Date(DUE.getTime() - 2 * DAY + HOUR));

    expect(notifications.notices().sort()).toEqual([
      `${PAYMENTS} Q1 2027 ownership review is due in 2 days`,
      `${SEARCH} Q1 2027 ownership review is due in 2 days`,
      `${ERIN} Q1 2027 ownership review is due in 2 days`,
    ]);
    notifications.sent.length = 0;

    await remind.remind(new Date(DUE.getTime() - 12 * HOUR));
    expect(notifications.notices().sort()).toEqual([
      `${PAYMENTS} Q1 2027 ownership review is due in 12 hours`,
      `${SEARCH} Q1 2027 ownership review is due in 12 hours`,
      `${ERIN} Q1 2027 ownership review is due in 12 hours`,
    ]);
    // What was claimed: 3 and 1 days before, never 7.
    const claimed = async (occasion: string) =>
      !(await store.claimNotice(campaign.id, PAYMENTS, occasion, DUE));
    expect(await claimed('due-3d')).toBe(true);
    expect(await claimed('due-1d')).toBe(true);
    expect(await claimed('due-7d')).toBe(false);
  });

  it('says once, with high severity, that the campaign is overdue to teams still pending', async () => {
    const { notifications, reminders, answer } = await setup();
    const remind = reminders();
    await remind.remind(OPENS);
    await answer('search');
    notifications.sent.length = 0;

    await remind.remind(new Date(DUE.getTime() + HOUR));
    await remind.remind(new Date(DUE.getTime() + 2 * DAY));

    expect(notifications.notices().sort()).toEqual([
      `${PAYMENTS} Q1 2027 ownership review is overdue`,
      `${ERIN} Q1 2027 ownership review is overdue`,
    ]);
    expect(notifications.sent.map(s => s.payload.severity)).toEqual([
      'high',
      'high',
    ]);
  });

  it('tells the creator once when every item still in the catalog is answered', async () => {
    const { store, campaign, notifications, reminders, answer } = await setup();
    const remind = reminders();
    await remind.remind(OPENS);
    for (const name of ['payments-api', 'payments-gateway', 'search']) {
      await answer(name);
    }
    await answer('prototype');
    await answer('billing');
    notifications.sent.length = 0;

    await remind.remind(new Date(OPENS.getTime() + DAY));
    expect(notifications.sent).toEqual([]);

    // The last unanswered entity left the catalog: nothing is pending.
    await store.markGone(
      campaign.id,
      ['component:default/legacy'],
      new Date(OPENS.getTime() + DAY),
    );
    await remind.remind(new Date(OPENS.getTime() + 2 * DAY));
    await remind.remind(new Date(OPENS.getTime() + 3 * DAY));

    expect(notifications.sent).toEqual([
      {
        recipients: { type: 'entity', entityRef: CREATOR },
        payload: expect.objectContaining({
          title: 'Q1 2027 ownership review: every service is answered',
          link: `/ownership/campaigns/${campaign.id}`,
          scope: `ownership-campaign:${campaign.id}:${CREATOR}`,
        }),
      },
    ]);
  });

  it('retries a notice whose sending failed on the next run, and only that one', async () => {
    const { notifications, logger, reminders } = await setup();
    const remind = reminders();
    notifications.failNext(1);

    await remind.remind(OPENS);
    expect(notifications.sent).toHaveLength(2);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringMatching(
        /Could not send the opened notification of campaign \d+ to .*; it is retried on the next tick/,
      ),
      expect.any(Error),
    );
    const first = new Set(notifications.notices());

    await remind.remind(new Date(OPENS.getTime() + 5 * 60 * 1000));
    expect(notifications.sent).toHaveLength(3);
    expect(first.has(notifications.notices()[2])).toBe(false);

    await remind.remind(new Date(OPENS.getTime() + 10 * 60 * 1000));
    expect(notifications.sent).toHaveLength(3);
  });
});
