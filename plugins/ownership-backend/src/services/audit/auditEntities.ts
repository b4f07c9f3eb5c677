import type { Entity } from '@backstage/catalog-model';
import type {
  OnCallAnswer,
  OwnershipDispute,
  ResolvedService,
} from '@ownership-portal/plugin-ownership-common';
import type { OnCallSubject } from '@ownership-portal/plugin-ownership-node';
import type { EntityResult } from '../../database/types';
import type { DocsResolution } from '../../docs/DocsResolver';
import type { CatalogSnapshot } from '../ingest/CatalogReader';
import { eventLoopTurns } from './eventLoopTurns';
import { dependencyGraph } from './relations';
import type { RuleEngine } from '@ownership-portal/plugin-ownership-rules';

/** Progress is recorded about this many times per run. */
const PROGRESS_STEPS = 50;
/** Entities resolved at once; remote providers limit their own calls further. */
const CONCURRENCY = 16;

/** Resolves and evaluates every audited entity, reporting progress as it goes. */
export async function auditEntities(options: {
  snapshot: CatalogSnapshot;
  resolve: (entity: Entity) => ResolvedService;
  subjectOf: (service: ResolvedService) => OnCallSubject;
  oncall: (subject: OnCallSubject) => Promise<OnCallAnswer | undefined>;
  documents?: (service: ResolvedService) => Promise<DocsResolution>;
  engine: RuleEngine;
  /** Open campaign disputes by entity ref. */
  disputes?: Map<string, OwnershipDispute>;
  now: Date;
  onProgress: (processed: number) => Promise<void>;
}): Promise<EntityResult[]> {
  const { snapshot, engine, now, onProgress } = options;
  const graph = dependencyGraph(snapshot.audited);
  const total = snapshot.audited.length;
  const results = new Array<EntityResult>(total);
  const step = Math.max(1, Math.ceil(total / PROGRESS_STEPS));
  let processed = 0;
  let nextIndex = 0;

  const auditOne = async (entity: Entity): Promise<EntityResult> => {
    const resolved = options.resolve(entity);
    const oncallSubject = options.subjectOf(resolved);
    const [oncall, docs] = await Promise.all([
      options.oncall(oncallSubject),
      options.documents?.(resolved),
    ]);
    const dispute = options.disputes?.get(resolved.entityRef);
    const service: ResolvedService = {
      ...resolved,
      ...(oncall && { oncall }),
      ...docs,
      ...(dispute && { dispute }),
    };
    const evaluation = await engine.evaluate(service, now);
    const relations = graph.get(service.entityRef);
    return {
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
      ...(oncall && { oncall }),
      oncallSubject,
      ...(service.runbooks && { runbooks: service.runbooks }),
      ...(service.adrs && { adrs: service.adrs }),
      ...(service.adrProblems && { adrProblems: service.adrProblems }),
      ...(service.adrRead && { adrRead: service.adrRead }),
      ...(service.techDebt && { techDebt: service.techDebt }),
      ...(service.codeowners && { codeowners: service.codeowners }),
    };
  };

  const turns = eventLoopTurns();
  const worker = async () => {
    for (;;) {
      await turns.maybeYield();
      // Other workers may have taken the rest while this one yielded.
      if (nextIndex >= total) {
        return;
      }
      const index = nextIndex++;
      results[index] = await auditOne(snapshot.audited[index]);
      processed += 1;
      if (processed % step === 0 && processed < total) {
        await onProgress(processed);
      }
    }
  };
  await Promise.all(
    Array.from({ length: Math.min(CONCURRENCY, total) }, worker),
  );
  await onProgress(total);
  return results;
}
