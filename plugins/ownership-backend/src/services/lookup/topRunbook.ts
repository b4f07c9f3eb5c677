import type { RunbookInfo } from '@ownership-portal/plugin-ownership-common';

const STATUS_RANK: Record<RunbookInfo['status'], number> = {
  ok: 0,
  'not-configured': 1,
  // Could not be read just now: it may well be fine.
  unknown: 1,
  unreachable: 2,
};

const FRESHNESS_RANK: Record<RunbookInfo['freshness'], number> = {
  fresh: 0,
  unknown: 1,
  stale: 2,
};

/** Lower is better, by status, then freshness, then where it was found. */
function score(runbook: RunbookInfo): number {
  const status = STATUS_RANK[runbook.status] ?? 3;
  const freshness = FRESHNESS_RANK[runbook.freshness] ?? 3;
  const inherited = runbook.source === 'team-link' ? 1 : 0;
  return status * 100 + freshness * 10 + inherited;
}

/**
 * The runbook a responder should open first: one that could be read before
 * one that could not, fresh before unknown before stale, and the entity's own
 * before one inherited from its team; the listed order breaks ties.
 */
export function topRunbook(
  runbooks: readonly RunbookInfo[] | undefined,
): RunbookInfo | undefined {
  let best: RunbookInfo | undefined;
  let bestScore = Infinity;
  for (const runbook of runbooks ?? []) {
    const s = score(runbook);
    if (s < bestScore) {
      best = runbook;
      bestScore = s;
    }
  }
  return best;
}
