import { type Config, readDurationFromConfig } from '@backstage/config';
import { durationToMilliseconds } from '@backstage/types';
import { DAY_MS } from '@ownership-portal/plugin-ownership-node';
import type { RetentionPolicy } from '../database/types';

/** Every run for 14 days, then one a day for 400 days. */
export const DEFAULT_RETENTION: RetentionPolicy = {
  keepAllDays: 14,
  keepDailyDays: 400,
};

function readDays(config: Config, key: string, fallback: number): number {
  if (!config.has(key)) {
    return fallback;
  }
  let days: number;
  try {
    days =
      durationToMilliseconds(readDurationFromConfig(config, { key })) / DAY_MS;
  } catch (error) {
    throw new Error(
      `Invalid config at ownership.retention.${key}: ${
        (error as Error).message
      }`,
    );
  }
  if (!(days > 0)) {
    throw new Error(
      `Invalid config at ownership.retention.${key}: the duration must be positive`,
    );
  }
  return days;
}

/**
 * Reads `ownership.retention` (`keepAll` and `keepDaily`, durations such as
 * `{ days: 14 }` or `14d`).
 */
export function readRetentionConfig(root: Config): RetentionPolicy {
  const config = root.getOptionalConfig('ownership.retention');
  if (!config) {
    return DEFAULT_RETENTION;
  }
  const policy = {
    keepAllDays: readDays(config, 'keepAll', DEFAULT_RETENTION.keepAllDays),
    keepDailyDays: readDays(
      config,
      'keepDaily',
      DEFAULT_RETENTION.keepDailyDays,
    ),
  };
  if (policy.keepDailyDays < policy.keepAllDays) {
    throw new Error(
      'Invalid config at ownership.retention.keepDaily: it must be at least as long as ownership.retention.keepAll',
    );
  }
  return policy;
}
