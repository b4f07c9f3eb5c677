import type { AuditRun } from '@ownership-portal/plugin-ownership-common';
import { DAY_MS } from '@ownership-portal/plugin-ownership-node';
import type { RetentionPolicy } from './types';

/**
 * Runs deleted per transaction by retention. A run of a large catalog holds
 * tens of thousands of result rows, so a batch stays at a few runs.
 */
export const PRUNE_BATCH_RUNS = 5;

/** What retention needs to know about a stored run. */
interface RetainedRun {
  id: number;
  status: AuditRun['status'];
  /** Epoch milliseconds. */
  startedAt: number;
}

/**
 * Picks the runs a retention policy no longer keeps.
 *
 * - Runs started within `keepAllDays` of `now` are kept.
 * - Runs started before that but within `keepDailyDays` of `now` are kept
 *   only when they are the latest successful run started on their UTC day.
 * - Older runs are dropped.
 * - Running runs and `latestSucceededId` are never dropped.
 *
 * @returns the ids of the runs to delete
 */
export function selectRunsToPrune(
  runs: RetainedRun[],
  policy: RetentionPolicy,
  now: Date,
  latestSucceededId: number | undefined,
): number[] {
  const keepAllFrom = now.getTime() - policy.keepAllDays * DAY_MS;
  const keepDailyFrom = now.getTime() - policy.keepDailyDays * DAY_MS;

  const latestOfDay = new Map<number, RetainedRun>();
  for (const run of runs) {
    if (
      run.status !== 'succeeded' ||
      run.startedAt >= keepAllFrom ||
      run.startedAt < keepDailyFrom
    ) {
      continue;
    }
    const day = Math.floor(run.startedAt / DAY_MS);
    const kept = latestOfDay.get(day);
    if (
      !kept ||
      run.startedAt > kept.startedAt ||
      (run.startedAt === kept.startedAt && run.id > kept.id)
    ) {
      latestOfDay.set(day, run);
    }
  }
  const keptDaily = new Set([...latestOfDay.values()].map(run => run.id));

  return runs
    .filter(
      run =>
        run.status !== 'running' &&
        run.id !== latestSucceededId &&
        run.startedAt < keepAllFrom &&
        !keptDaily.has(run.id),
    )
    .map(run => run.id);
}
