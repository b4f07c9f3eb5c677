import type { Entity } from '@backstage/catalog-model';
import type { ResolvedService } from '@ownership-portal/plugin-ownership-common';
import type { EntityResult } from '../../database/types';
import type { CatalogSnapshot } from '../ingest/CatalogReader';
import { dependencyGraph } from './relations';
import type { RuleEngine } from './RuleEngine';

/** Progress is recorded about this many times per run. */
const PROGRESS_STEPS = 50;

/** Resolves and evaluates every audited entity, reporting progress as it goes. */
export async function auditEntities(options: {
  snapshot: CatalogSnapshot;
  resolve: (entity: Entity) => ResolvedService;
  engine: RuleEngine;
  now: Date;
  onProgress: (processed: number) => Promise<void>;
}): Promise<EntityResult[]> {
  const { snapshot, resolve, engine, now, onProgress } = options;
  const graph = dependencyGraph(snapshot.audited);
  const results: EntityResult[] = [];
  const step = Math.max(1, Math.ceil(snapshot.audited.length / PROGRESS_STEPS));
  for (const entity of snapshot.audited) {
    const service = resolve(entity);
    const evaluation = await engine.evaluate(service, now);
    const relations = graph.get(service.entityRef);
    results.push({
      entityRef: service.entityRef,
      kind: service.kind,
      name: service.name,
      namespace: service.namespace,
      title: service.title ?? service.name,
      ...(service.type && { type: service.type }),
      ...(service.lifecycle && { lifecycle: service.lifecycle }),
      ...(service.system && { system: service.system }),
      ...(service.description && { description: service.description }),
      tags: service.tags,
      owner: service.ownerResolution,
      ...(service.suggestedOwner && { suggestedOwner: service.suggestedOwner }),
      score: evaluation.score,
      level: evaluation.level,
      findings: evaluation.findings,
      dependsOn: relations?.dependsOn ?? [],
      dependents: relations?.dependents ?? [],
    });
    if (results.length % step === 0) {
      await onProgress(results.length);
    }
  }
  await onProgress(results.length);
  return results;
}
