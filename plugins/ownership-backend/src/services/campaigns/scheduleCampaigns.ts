import type {
  LoggerService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import type { HumanDuration } from '@backstage/types';
import type { CampaignLifecycle } from './CampaignLifecycle';

/**
 * Ticks the campaigns' lifecycle on a schedule; with `scope: 'global'` one
 * replica ticks at a time, so a campaign opens and closes once.
 */
export async function scheduleCampaigns(deps: {
  scheduler: SchedulerService;
  lifecycle: CampaignLifecycle;
  frequency: HumanDuration;
  logger: LoggerService;
}) {
  await deps.scheduler.scheduleTask({
    id: 'ownership-campaigns',
    frequency: deps.frequency,
    timeout: { minutes: 15 },
    initialDelay: deps.frequency,
    scope: 'global',
    fn: async () => {
      try {
        await deps.lifecycle.tick();
      } catch (error) {
        deps.logger.error(`Ownership campaign tick failed: ${error}`);
      }
    },
  });
}
