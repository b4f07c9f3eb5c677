import type { TeamRollup } from '@ownership-portal/plugin-ownership-common';
import type { EntityStats } from '../../database/types';

/** Sub-groups by parent group ref. */
export type Tree = Map<string, string[]>;

/** A group and all its sub-groups at any depth; safe against cycles. */
export function subTree(tree: Tree, ref: string): string[] {
  const seen = new Set<string>([ref]);
  const queue = [ref];
  while (queue.length) {
    for (const child of tree.get(queue.shift()!) ?? []) {
      if (!seen.has(child)) {
        seen.add(child);
        queue.push(child);
      }
    }
  }
  return [...seen];
}

/** Entity figures by owner ref. */
export function byOwner(stats: EntityStats[]): Map<string, EntityStats[]> {
  const owned = new Map<string, EntityStats[]>();
  for (const entity of stats) {
    if (entity.ownerRef) {
      owned.set(entity.ownerRef, [
        ...(owned.get(entity.ownerRef) ?? []),
        entity,
      ]);
    }
  }
  return owned;
}

/**
 * A team's figures over the given entities (those the caller may read):
 * services of the team and its sub-groups (`owners`, the team first),
 * findings by severity, levels and the average score (100 when it owns
 * none), as the audit rolls them up.
 */
export function rollUp(
  team: TeamRollup,
  owners: string[],
  owned: Map<string, EntityStats[]>,
): TeamRollup {
  const entities = owners.flatMap(ref => owned.get(ref) ?? []);
  const findings = { error: 0, warning: 0, info: 0 };
  const levels: TeamRollup['levels'] = [0, 0, 0, 0, 0];
  let total = 0;
  for (const entity of entities) {
    findings.error += entity.findings.error;
    findings.warning += entity.findings.warning;
    findings.info += entity.findings.info;
    levels[entity.level] += 1;
    total += entity.score;
  }
  return {
    entityRef: team.entityRef,
    title: team.title,
    ...(team.parent && { parent: team.parent }),
    serviceCount: entities.length,
    directServiceCount: owned.get(team.entityRef)?.length ?? 0,
    findings,
    levels,
    score: entities.length ? Math.round(total / entities.length) : 100,
    memberCount: team.memberCount,
  };
}
