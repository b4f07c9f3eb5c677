import type { LocatedEntity, Position } from '../lint/types';

/** One `spec.target` or `spec.targets[i]` of a Location entity, with where it is written. */
interface LocationTarget extends Position {
  target: string;
}

/** Tells whether a located entity is a `kind: Location`. */
export function isLocation(located: LocatedEntity): boolean {
  const kind = located.entity.kind;
  return (
    typeof kind === 'string' && kind.toLocaleLowerCase('en-US') === 'location'
  );
}

/** The targets a Location entity names, in the order they are written. */
export function locationTargets(located: LocatedEntity): LocationTarget[] {
  const spec = located.entity.spec ?? {};
  const targets: LocationTarget[] = [];
  if (typeof spec.target === 'string') {
    targets.push({
      target: spec.target,
      ...located.position(['spec', 'target']),
    });
  }
  if (Array.isArray(spec.targets)) {
    spec.targets.forEach((target, index) => {
      if (typeof target === 'string') {
        targets.push({
          target,
          ...located.position(['spec', 'targets', index]),
        });
      }
    });
  }
  return targets;
}

/** Tells whether a target is a URL (`https://…`) rather than a path. */
export function isUrlTarget(target: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(target);
}
