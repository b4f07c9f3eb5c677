import type { LoggerService } from '@backstage/backend-plugin-api';
import type { NotificationService } from '@backstage/plugin-notifications-node';
import type {
  CampaignRecord,
  CampaignStore,
} from '../../../database/campaignTypes';
import { type DueNotice, dueNotices } from './dueNotices';
import { noticePayload } from './noticePayload';

/** Reminders before the due date, in days, unless configured. */
const DEFAULT_OFFSETS_DAYS = [7, 1];

/**
 * Sends the notifications of open campaigns: `opened` to every owning team,
 * reminders at the offsets before the due date and `overdue` to teams with
 * pending items, and `complete` to the creator.
 *
 * Each goes out once per campaign, recipient and occasion, across restarts
 * and replicas: a notice is claimed in the store before it is sent, and the
 * claim is given back when sending fails, so that a later call retries it.
 */
export class CampaignReminders {
  static create(options: {
    store: CampaignStore;
    notifications: NotificationService;
    logger: LoggerService;
    /** Days before the due date to remind teams with pending items; 7 and 1 by default. */
    offsetsDays?: number[];
  }): CampaignReminders {
    return new CampaignReminders(
      options.store,
      options.notifications,
      options.logger,
      options.offsetsDays ?? DEFAULT_OFFSETS_DAYS,
    );
  }

  private constructor(
    private readonly store: CampaignStore,
    private readonly notifications: NotificationService,
    private readonly logger: LoggerService,
    private readonly offsetsDays: number[],
  ) {}

  /** Sends what the open campaigns owe at `now` and has not been sent yet. */
  async remind(now: Date): Promise<void> {
    for (const campaign of await this.store.openCampaigns()) {
      try {
        const items = await this.store.itemStates(campaign.id);
        for (const notice of dueNotices(
          campaign,
          items,
          now,
          this.offsetsDays,
        )) {
          await this.deliver(campaign, notice, now);
        }
      } catch (error) {
        // One campaign's trouble must not hold up the others' reminders.
        this.logger.error(
          `Could not send the reminders of campaign ${campaign.id}; the next tick tries again`,
          error as Error,
        );
      }
    }
  }

  private async deliver(
    campaign: CampaignRecord,
    notice: DueNotice,
    now: Date,
  ): Promise<void> {
    const { recipient, occasion } = notice;
    if (
      !(await this.store.claimNotice(campaign.id, recipient, occasion, now))
    ) {
      return;
    }
    try {
      await this.notifications.send({
        recipients: { type: 'entity', entityRef: recipient },
        payload: noticePayload(campaign, notice, now),
      });
    } catch (error) {
      this.logger.warn(
        `Could not send the ${occasion} notification of campaign ${campaign.id} to ${recipient}; it is retried on the next tick`,
        error as Error,
      );
      await this.store.releaseNotice(campaign.id, recipient, occasion);
    }
  }
}
