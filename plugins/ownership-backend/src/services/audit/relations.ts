import type { Entity } from '@backstage/catalog-model';
import type { RelationRef } from '../../database/types';
import { refOf, relationTargets } from '../../org/refs';

const OUTGOING = ['dependsOn', 'consumesApi'];
const INCOMING = ['dependencyOf', 'apiConsumedBy'];

/**
 * Who an entity depends on and who depends on it, from the catalog's
 * relations. A component providing an API also counts that API's consumers
 * among its dependents, when the API is audited.
 */
export function dependencyGraph(
  audited: Entity[],
): Map<string, { dependsOn: RelationRef[]; dependents: RelationRef[] }> {
  const consumersOfApi = new Map<string, string[]>();
  for (const entity of audited) {
    if (entity.kind.toLocaleLowerCase('en-US') === 'api') {
      consumersOfApi.set(
        refOf(entity),
        relationTargets(entity, 'apiConsumedBy'),
      );
    }
  }
  const graph = new Map<
    string,
    { dependsOn: RelationRef[]; dependents: RelationRef[] }
  >();
  for (const entity of audited) {
    const self = refOf(entity);
    const collect = (types: string[]) =>
      types.flatMap(relation =>
        relationTargets(entity, relation).map(entityRef => ({
          entityRef,
          relation,
        })),
      );
    const dependents = collect(INCOMING);
    for (const api of relationTargets(entity, 'providesApi')) {
      for (const consumer of consumersOfApi.get(api) ?? []) {
        if (consumer !== self) {
          dependents.push({ entityRef: consumer, relation: 'consumesApi' });
        }
      }
    }
    graph.set(self, {
      dependsOn: unique(collect(OUTGOING)),
      dependents: unique(dependents),
    });
  }
  return graph;
}

function unique(refs: RelationRef[]): RelationRef[] {
  const seen = new Set<string>();
  return refs.filter(r => !seen.has(r.entityRef) && !!seen.add(r.entityRef));
}
