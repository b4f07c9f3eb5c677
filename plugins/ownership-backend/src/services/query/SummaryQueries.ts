import type { SummaryResponse } from '@ownership-portal/plugin-ownership-common';
import type { RunStore } from '../../database/types';
import type { Selection } from './Selection';

function share(part: number, whole: number): number {
  return whole === 0 ? 0 : part / whole;
}

/** Org-wide figures of the latest run and the trend across stored runs. */
export async function readSummary(deps: {
  runs: RunStore;
  selection: Selection;
}): Promise<SummaryResponse> {
  const run = await deps.selection.latestRun();
  const [figures, trend] = await Promise.all([
    deps.runs.getFigures(run.id),
    deps.runs.listTrend(),
  ]);
  if (!figures) {
    throw new Error(`Audit run ${run.id} has no stored figures`);
  }
  const ruleShares: Record<string, number> = {};
  for (const [ruleId, count] of Object.entries(figures.entitiesByRule)) {
    ruleShares[ruleId] = share(count, figures.services);
  }
  return {
    runId: run.id,
    generatedAt: run.generatedAt,
    figures,
    validOwnerShare: share(figures.validOwner, figures.services),
    ruleShares,
    trend,
  };
}
