import type { Rotation } from './types';

/** A rotation that passed its own checks, and its config path. */
export interface Candidate {
  /** e.g. `ownership.oncall.rotations[2]` */
  path: string;
  rotation: Rotation;
}

/** Reports one problem at a config path. */
export type Report = (path: string, message: string) => void;

/** The escalation steps of a rotation that name another rotation. */
function rotationSteps(
  rotation: Rotation,
): Array<{ step: number; target: string }> {
  return rotation.escalation.flatMap((step, i) =>
    'rotation' in step ? [{ step: i, target: step.rotation }] : [],
  );
}

/**
 * Finds the rotations that escalate back to themselves, directly or through
 * other rotations. For each, gives the index of the first escalation step that
 * leads into the loop and the loop itself, e.g. `['a', 'b', 'a']`.
 * Steps naming rotations not in the list are not followed.
 */
function findEscalationLoops(
  rotations: Rotation[],
): Map<string, { step: number; path: string[] }> {
  const byId = new Map(rotations.map(r => [r.id, r]));
  const targets = (id: string) =>
    rotationSteps(byId.get(id)!)
      .map(s => s.target)
      .filter(t => byId.has(t));

  /** The shortest escalation path from `from` to `to`, both included. */
  const pathBetween = (from: string, to: string): string[] | undefined => {
    const parents = new Map<string, string | undefined>([[from, undefined]]);
    const queue = [from];
    while (queue.length) {
      const id = queue.shift()!;
      if (id === to) {
        const path = [id];
        for (let p = parents.get(id); p !== undefined; p = parents.get(p)) {
          path.unshift(p);
        }
        return path;
      }
      for (const next of targets(id)) {
        if (!parents.has(next)) {
          parents.set(next, id);
          queue.push(next);
        }
      }
    }
    return undefined;
  };

  const loops = new Map<string, { step: number; path: string[] }>();
  for (const rotation of rotations) {
    for (const { step, target } of rotationSteps(rotation)) {
      const back = byId.has(target)
        ? pathBetween(target, rotation.id)
        : undefined;
      if (back) {
        loops.set(rotation.id, { step, path: [rotation.id, ...back] });
        break;
      }
    }
  }
  return loops;
}

/** Leaves out rotations whose escalation names a rotation nobody configured. */
export function dropUnknownEscalations(
  candidates: Candidate[],
  configured: Set<string | undefined>,
  report: Report,
): Candidate[] {
  return candidates.filter(({ path, rotation }) => {
    const unknown = rotationSteps(rotation).filter(
      s => !configured.has(s.target),
    );
    for (const { step, target } of unknown) {
      report(
        `${path}.escalation[${step}].rotation`,
        `no rotation "${target}" is configured; the rotation "${rotation.id}" is ignored`,
      );
    }
    return !unknown.length;
  });
}

/** Leaves out every rotation that escalates back to itself. */
export function dropEscalationLoops(
  candidates: Candidate[],
  report: Report,
): Candidate[] {
  const loops = findEscalationLoops(candidates.map(c => c.rotation));
  for (const { path, rotation } of candidates) {
    const loop = loops.get(rotation.id);
    if (loop) {
      report(
        `${path}.escalation[${loop.step}].rotation`,
        `escalation loop ${loop.path
          .map(id => `"${id}"`)
          .join(' → ')}; the rotation "${rotation.id}" is ignored`,
      );
    }
  }
  return candidates.filter(c => !loops.has(c.rotation.id));
}

/** Removes escalation steps naming a rotation that was left out. */
export function dropStepsToIgnored(
  candidates: Candidate[],
  report: Report,
): void {
  const kept = new Set(candidates.map(c => c.rotation.id));
  for (const { path, rotation } of candidates) {
    rotation.escalation = rotation.escalation.filter((step, i) => {
      if (!('rotation' in step) || kept.has(step.rotation)) {
        return true;
      }
      report(
        `${path}.escalation[${i}].rotation`,
        `the rotation "${step.rotation}" is ignored because of its own problems; this escalation step of "${rotation.id}" is ignored`,
      );
      return false;
    });
  }
}
