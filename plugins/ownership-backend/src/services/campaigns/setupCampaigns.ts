import type {
  AuthService,
  LoggerService,
  PermissionsService,
  SchedulerService,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type { NotificationService } from '@backstage/plugin-notifications-node';
import type { CampaignSeed } from '../../config/campaignSeeds';
import type { readCampaignsConfig } from '../../config/campaigns';
import type { CampaignStore } from '../../database/campaignTypes';
import { type AuditRunner, RunInProgressError } from '../audit/AuditRunner';
import type { CatalogVisibility } from '../query/CatalogVisibility';
import { CampaignLifecycle } from './CampaignLifecycle';
import { CampaignService } from './CampaignService';
import { CampaignReminders } from './reminders/CampaignReminders';
import { scheduleCampaigns } from './scheduleCampaigns';
import { seedCampaigns } from './seedCampaigns';
import { settledCatalogCount } from './settledCatalog';
import type { SnapshotDeps } from './snapshot';
import { UserTeams } from './UserTeams';

/**
 * Seeds the configured campaigns once the catalog has settled; when it has
 * grown since the run that triggered this, a new audit run goes first, so
 * the snapshot carries every entity's findings.
 */
async function seedWhenSettled(
  deps: Parameters<typeof setupCampaigns>[0],
  campaigns: CampaignService,
  audited: number,
) {
  const settled = await settledCatalogCount({
    catalog: deps.catalog,
    auth: deps.auth,
    kinds: deps.snapshot.auditScope.kinds,
  });
  if (settled > audited) {
    try {
      await deps.runner.runToCompletion({ trigger: 'schedule' });
    } catch (error) {
      if (!(error instanceof RunInProgressError)) {
        throw error;
      }
    }
  }
  await seedCampaigns({
    seeds: deps.seeds,
    store: deps.store,
    campaigns,
    logger: deps.logger,
    now: new Date(),
  });
}

/**
 * Builds the campaign services, schedules their lifecycle (opening,
 * reminders, closing) and seeds the configured campaigns after the first
 * audit run that finds entities, so that they open with a populated catalog.
 */
export async function setupCampaigns(deps: {
  config: ReturnType<typeof readCampaignsConfig>;
  seeds: CampaignSeed[];
  store: CampaignStore;
  catalog: CatalogService;
  auth: AuthService;
  userInfo: UserInfoService;
  permissions: PermissionsService;
  visibility: CatalogVisibility;
  notifications: NotificationService;
  scheduler: SchedulerService;
  logger: LoggerService;
  snapshot: SnapshotDeps;
  runner: AuditRunner;
}): Promise<CampaignService> {
  const { store, catalog, auth, logger, config } = deps;
  const campaigns = CampaignService.create({
    store,
    catalog,
    auth,
    visibility: deps.visibility,
    permissions: deps.permissions,
    userTeams: UserTeams.create({ userInfo: deps.userInfo, catalog, auth }),
    snapshot: deps.snapshot,
    logger,
    closeAfterDueMs: config.closeAfterDueMs,
  });
  const lifecycle = CampaignLifecycle.create({
    store,
    campaigns,
    catalog,
    auth,
    logger,
    reminders: CampaignReminders.create({
      store,
      notifications: deps.notifications,
      logger,
      offsetsDays: config.reminderOffsetsDays,
    }),
  });
  if (deps.seeds.length > 0) {
    let seeded = false;
    deps.runner.onCompleted(run => {
      if (seeded || !run.total) {
        return;
      }
      seeded = true;
      // Detached, so that the run's listeners are not held up while the
      // catalog settles.
      seedWhenSettled(deps, campaigns, run.total).catch(error =>
        logger.warn(`Seeding ownership campaigns failed: ${error}`),
      );
    });
  }
  await scheduleCampaigns({
    scheduler: deps.scheduler,
    lifecycle,
    frequency: config.tickFrequency,
    logger,
  });
  return campaigns;
}
