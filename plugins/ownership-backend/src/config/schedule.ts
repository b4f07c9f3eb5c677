import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  type SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';

/** Every 30 minutes, first shortly after start-up, one replica at a time. */
export const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 30 },
  timeout: { minutes: 15 },
  initialDelay: { seconds: 15 },
  scope: 'global',
};

/** Reads `ownership.schedule`, falling back to {@link DEFAULT_SCHEDULE}. */
export function readScheduleConfig(
  config: Config,
): SchedulerServiceTaskScheduleDefinition {
  const schedule = config.getOptionalConfig('ownership.schedule');
  if (!schedule) {
    return DEFAULT_SCHEDULE;
  }
  try {
    return {
      ...DEFAULT_SCHEDULE,
      ...readSchedulerServiceTaskScheduleDefinitionFromConfig(schedule),
    };
  } catch (error) {
    throw new Error(
      `Invalid config at ownership.schedule: ${(error as Error).message}`,
    );
  }
}
