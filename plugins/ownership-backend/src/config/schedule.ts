import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  type SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { type Config, ConfigReader } from '@backstage/config';
import type { JsonObject } from '@backstage/types';

/** Every 30 minutes, first shortly after start-up, one replica at a time. */
export const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 30 },
  // As long as a run's default deadline (ownership.runs.deadline).
  timeout: { minutes: 30 },
  initialDelay: { seconds: 15 },
  scope: 'global',
};

/**
 * Reads `ownership.schedule`; keys it leaves out keep their defaults
 * ({@link DEFAULT_SCHEDULE}).
 */
export function readScheduleConfig(
  config: Config,
): SchedulerServiceTaskScheduleDefinition {
  const schedule = config.getOptionalConfig('ownership.schedule');
  if (!schedule) {
    return DEFAULT_SCHEDULE;
  }
  const merged = new ConfigReader({
    ...(DEFAULT_SCHEDULE as unknown as JsonObject),
    ...schedule.get<JsonObject>(),
  });
  try {
    return readSchedulerServiceTaskScheduleDefinitionFromConfig(merged);
  } catch (error) {
    throw new Error(
      `Invalid config at ownership.schedule: ${(error as Error).message}`,
    );
  }
}
