import { type Config, readDurationFromConfig } from '@backstage/config';
import { durationToMilliseconds } from '@backstage/types';

/** How audit runs are kept alive, bounded and taken over. */
export interface RunsConfig {
  /**
   * A running run whose heartbeat is older than this is taken to be
   * abandoned by a stopped process, and another run may take its place.
   */
  leaseMs: number;
  /** How often a running run beats: a quarter of the lease. */
  heartbeatMs: number;
  /** A run that has not finished this long after it started fails. */
  deadlineMs: number;
  /** The longest wait for one page of the catalog. */
  catalogPageTimeoutMs: number;
}

/** A 2-minute lease, a 30-minute deadline, a minute per catalog page. */
export const DEFAULT_RUNS: RunsConfig = {
  leaseMs: 2 * 60 * 1000,
  heartbeatMs: 30 * 1000,
  deadlineMs: 30 * 60 * 1000,
  catalogPageTimeoutMs: 60 * 1000,
};

function readMs(config: Config, key: string, fallback: number): number {
  if (!config.has(key)) {
    return fallback;
  }
  let ms: number;
  try {
    ms = durationToMilliseconds(readDurationFromConfig(config, { key }));
  } catch (error) {
    throw new Error(
      `Invalid config at ownership.runs.${key}: ${(error as Error).message}`,
    );
  }
  if (!(ms >= 1000)) {
    throw new Error(
      `Invalid config at ownership.runs.${key}: the duration must be at least one second`,
    );
  }
  return ms;
}

/**
 * Reads `ownership.runs` (`lease`, `deadline`, `catalogPageTimeout`:
 * durations such as `{ minutes: 2 }` or `2m`).
 */
export function readRunsConfig(root: Config): RunsConfig {
  const config = root.getOptionalConfig('ownership.runs');
  if (!config) {
    return DEFAULT_RUNS;
  }
  const leaseMs = readMs(config, 'lease', DEFAULT_RUNS.leaseMs);
  return {
    leaseMs,
    heartbeatMs: Math.max(250, Math.floor(leaseMs / 4)),
    deadlineMs: readMs(config, 'deadline', DEFAULT_RUNS.deadlineMs),
    catalogPageTimeoutMs: readMs(
      config,
      'catalogPageTimeout',
      DEFAULT_RUNS.catalogPageTimeoutMs,
    ),
  };
}
