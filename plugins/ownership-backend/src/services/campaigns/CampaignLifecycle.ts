import type { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type { CampaignStore } from '../../database/campaignTypes';
import type { CampaignService } from './CampaignService';
import { ownersAtClosing } from './ownersAtClosing';

/** Sends the reminders that are due; see `CampaignReminders`. */
interface Reminders {
  remind(now: Date): Promise<void>;
}

/**
 * What happens to campaigns as time passes, once per tick across replicas:
 * scheduled campaigns open with their snapshot, items whose entity left the
 * catalog are marked gone, campaigns past their grace period close, and
 * reminders go out.
 */
export class CampaignLifecycle {
  static create(deps: {
    store: CampaignStore;
    campaigns: CampaignService;
    catalog: CatalogService;
    auth: AuthService;
    logger: LoggerService;
    reminders?: Reminders;
    now?: () => Date;
  }) {
    return new CampaignLifecycle({ now: () => new Date(), ...deps });
  }

  private constructor(
    private readonly deps: Parameters<typeof CampaignLifecycle.create>[0] & {
      now: () => Date;
    },
  ) {}

  /** One pass; a failure with one campaign is logged and the others go on. */
  async tick(): Promise<void> {
    const { store, logger } = this.deps;
    for (const campaign of await store.dueToOpen(this.deps.now())) {
      await this.guard(`open campaign ${campaign.id}`, () =>
        this.deps.campaigns.open(campaign.id),
      );
    }
    for (const campaign of await store.openCampaigns()) {
      await this.guard(`update campaign ${campaign.id}`, async () => {
        const now = this.deps.now();
        if (now.getTime() >= this.deps.campaigns.closesAt(campaign).getTime()) {
          await this.deps.campaigns.close(campaign.id);
          logger.info(
            `Ownership campaign ${campaign.id} closed by itself after its grace period`,
          );
          return;
        }
        await this.markGone(campaign.id, now);
      });
    }
    if (this.deps.reminders) {
      await this.guard('send campaign reminders', () =>
        this.deps.reminders!.remind(this.deps.now()),
      );
    }
  }

  private async markGone(id: number, now: Date) {
    const present = await this.deps.store.itemStates(id);
    const refs = present.filter(s => !s.gone).map(s => s.entityRef);
    const owners = await ownersAtClosing(
      this.deps.catalog,
      this.deps.auth,
      refs,
    );
    const gone = refs.filter(ref => owners.get(ref) === undefined);
    const marked = await this.deps.store.markGone(id, gone, now);
    if (marked > 0) {
      this.deps.logger.info(
        `Ownership campaign ${id}: ${marked} item(s) left the catalog and are kept as gone`,
      );
    }
  }

  private async guard(what: string, action: () => Promise<unknown>) {
    try {
      await action();
    } catch (error) {
      this.deps.logger.warn(`Could not ${what}: ${error}`);
    }
  }
}
