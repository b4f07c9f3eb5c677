import { type Config, readDurationFromConfig } from '@backstage/config';
import { durationToMilliseconds, type HumanDuration } from '@backstage/types';

const KEY = 'ownership.campaigns';
const DAY_MS = 24 * 60 * 60 * 1000;

/** How audit campaigns are reminded, closed and ticked. */
interface CampaignsConfig {
  /** Days before the due date at which teams with pending items are reminded, farthest first. */
  reminderOffsetsDays: number[];
  /** How long after its due date an open campaign closes by itself. */
  closeAfterDueMs: number;
  /** How often campaigns are opened, reminded and closed. */
  tickFrequency: HumanDuration;
}

/** Reminders 7 days and 1 day before the due date, closing 14 days after it, a tick every 5 minutes. */
export const DEFAULT_CAMPAIGNS: CampaignsConfig = {
  reminderOffsetsDays: [7, 1],
  closeAfterDueMs: 14 * DAY_MS,
  tickFrequency: { minutes: 5 },
};

function invalid(key: string, why: string): Error {
  return new Error(`Invalid config at ${KEY}.${key}: ${why}`);
}

function readOffsets(config: Config): number[] {
  const key = 'reminders.offsetsDays';
  if (!config.has(key)) {
    return DEFAULT_CAMPAIGNS.reminderOffsetsDays;
  }
  const value = config.get(key);
  if (
    !Array.isArray(value) ||
    !value.every(
      days => typeof days === 'number' && Number.isFinite(days) && days > 0,
    )
  ) {
    throw invalid(
      key,
      `expected a list of positive numbers of days, e.g. [7, 1]; got ${JSON.stringify(
        value,
      )}`,
    );
  }
  return [...new Set(value as number[])].sort((a, b) => b - a);
}

function readDuration(
  config: Config,
  key: string,
  check: (ms: number) => string | undefined,
): HumanDuration | undefined {
  if (!config.has(key)) {
    return undefined;
  }
  let duration: HumanDuration;
  try {
    duration = readDurationFromConfig(config, { key });
  } catch (error) {
    throw invalid(key, (error as Error).message);
  }
  const problem = check(durationToMilliseconds(duration));
  if (problem) {
    throw invalid(key, problem);
  }
  return duration;
}

/**
 * Reads `ownership.campaigns`: `reminders.offsetsDays` (days before the due
 * date), `closeAfterDue` (the grace period after the due date) and
 * `schedule.frequency` (durations such as `{ days: 14 }` or `14d`). Keys it
 * leaves out keep their defaults ({@link DEFAULT_CAMPAIGNS}); a bad value
 * fails with a message naming the key.
 */
export function readCampaignsConfig(root: Config): CampaignsConfig {
  const config = root.getOptionalConfig(KEY);
  if (!config) {
    return DEFAULT_CAMPAIGNS;
  }
  const closeAfterDue = readDuration(config, 'closeAfterDue', ms =>
    ms >= 0 ? undefined : 'the duration must not be negative',
  );
  const frequency = readDuration(config, 'schedule.frequency', ms =>
    ms >= 1000 ? undefined : 'the duration must be at least one second',
  );
  return {
    reminderOffsetsDays: readOffsets(config),
    closeAfterDueMs: closeAfterDue
      ? durationToMilliseconds(closeAfterDue)
      : DEFAULT_CAMPAIGNS.closeAfterDueMs,
    tickFrequency: frequency ?? DEFAULT_CAMPAIGNS.tickFrequency,
  };
}
