import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  type SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';

/** Where the collator's settings live in app-config. */
const CONFIG_KEY = 'search.collators.ownership';

/** The schedule when none is configured: the catalog collator's. */
const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 10 },
  timeout: { minutes: 15 },
  initialDelay: { seconds: 3 },
};

/** How the collator reads the ownership API. */
export interface CollatorSettings {
  /** Entities per request, 1 to 200. */
  pageSize: number;
  /** Timeout of each HTTP attempt, in milliseconds. */
  timeoutMs: number;
  /** Attempts per page in all, the first included. */
  maxAttempts: number;
}

const DEFAULT_SETTINGS: CollatorSettings = {
  pageSize: 100,
  timeoutMs: 10_000,
  maxAttempts: 4,
};

/** The configured schedule, or {@link DEFAULT_SCHEDULE}. */
export function readSchedule(
  config: Config,
): SchedulerServiceTaskScheduleDefinition {
  const schedule = config.getOptionalConfig(`${CONFIG_KEY}.schedule`);
  if (!schedule) {
    return DEFAULT_SCHEDULE;
  }
  try {
    return readSchedulerServiceTaskScheduleDefinitionFromConfig(schedule);
  } catch (error) {
    throw new InputError(
      `Invalid schedule at ${CONFIG_KEY}.schedule: ${(error as Error).message}`,
    );
  }
}

/** The configured settings, defaults filled in; out-of-range numbers name their key. */
export function readSettings(config: Config): CollatorSettings {
  const read = (key: keyof CollatorSettings, min: number, max: number) => {
    const value = config.getOptionalNumber(`${CONFIG_KEY}.${key}`);
    if (value === undefined) {
      return DEFAULT_SETTINGS[key];
    }
    if (!Number.isInteger(value) || value < min || value > max) {
      throw new InputError(
        `Invalid ${CONFIG_KEY}.${key}: ${value} is not a whole number from ${min} to ${max}`,
      );
    }
    return value;
  };
  return {
    pageSize: read('pageSize', 1, 200),
    timeoutMs: read('timeoutMs', 100, 600_000),
    maxAttempts: read('maxAttempts', 1, 10),
  };
}
