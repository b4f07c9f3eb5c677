import type { LoggerService } from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import {
  type EscalationStep,
  type OnCallNow,
  type OnCallShift,
  type OnCallUser,
  OWNERSHIP_ANNOTATIONS,
} from '@ownership-portal/plugin-ownership-common';
import {
  coverage,
  type OnCallContext,
  type OnCallProvider,
  type OnCallResolution,
  type OnCallSubject,
  type OnCallTarget,
  DAY_MS,
} from '@ownership-portal/plugin-ownership-node';
import { kindOfRef, nameOfRef } from '../../org/refs';
import { readRotations } from './readRotations';
import {
  mergeByMember,
  shiftsBetween,
  type Span,
  spansFrom,
} from './rotationMath';
import type { Rotation } from './types';

const COVERAGE_DAYS = 7;
const NEXT_SHIFTS = 5;
/** How far ahead to look for hand-offs and upcoming shifts. */
const LOOKAHEAD_MS = 366 * DAY_MS;
/** At most this many segments are walked per rotation and answer. */
const MAX_SPANS = 2000;
const KEY_PREFIX = 'rotation:';

/**
 * The built-in on-call provider: rotations configured under
 * `ownership.oncall.rotations`, answered from config alone.
 *
 * @public
 */
export class StaticOnCallProvider implements OnCallProvider {
  readonly id = 'static';
  readonly remote = false;

  /**
   * Reads the rotations from config; invalid ones are logged as warnings and
   * left out, so this never throws.
   */
  static create(options: {
    config: Config;
    logger: LoggerService;
  }): StaticOnCallProvider {
    const { rotations } = readRotations(options.config, options.logger);
    return new StaticOnCallProvider(rotations);
  }

  private readonly byId: Map<string, Rotation>;
  private readonly byTeam = new Map<string, Rotation>();

  private constructor(rotations: Rotation[]) {
    this.byId = new Map(rotations.map(r => [r.id, r]));
    // A team's rotation is its first one that no other rotation escalates to
    // (a secondary rotation usually belongs to the same team), else its first.
    const escalatedTo = new Set(
      rotations.flatMap(r =>
        r.escalation.flatMap(s => ('rotation' in s ? [s.rotation] : [])),
      ),
    );
    for (const rotation of [
      ...rotations.filter(r => !escalatedTo.has(r.id)),
      ...rotations.filter(r => escalatedTo.has(r.id)),
    ]) {
      if (rotation.team && !this.byTeam.has(rotation.team)) {
        this.byTeam.set(rotation.team, rotation);
      }
    }
  }

  /** The ids of the rotations in use, in config order. */
  get rotationIds(): string[] {
    return [...this.byId.keys()];
  }

  match(subject: OnCallSubject): OnCallTarget | undefined {
    const named = (annotations: Record<string, string> | undefined) => {
      const id = annotations?.[OWNERSHIP_ANNOTATIONS.oncallRotation]?.trim();
      return id && this.byId.has(id) ? id : undefined;
    };
    const serviceRotation = named(subject.service.annotations);
    if (serviceRotation) {
      return target(serviceRotation, 'service-annotation');
    }
    const teamRotation = named(subject.team?.annotations);
    if (teamRotation) {
      return target(teamRotation, 'team-annotation');
    }
    const teamRef = subject.team?.entityRef.toLocaleLowerCase('en-US');
    const configured = teamRef ? this.byTeam.get(teamRef) : undefined;
    return configured ? target(configured.id, 'team') : undefined;
  }

  async resolve(
    onCallTarget: OnCallTarget,
    context: OnCallContext,
  ): Promise<OnCallResolution> {
    const id = onCallTarget.key.startsWith(KEY_PREFIX)
      ? onCallTarget.key.slice(KEY_PREFIX.length)
      : undefined;
    const rotation = id ? this.byId.get(id) : undefined;
    if (!rotation) {
      throw new Error(
        `The static on-call provider has no rotation for target key "${onCallTarget.key}"`,
      );
    }
    const now = context.now;
    const user = (ref: string): OnCallUser =>
      context.userByRef(ref) ?? { entityRef: ref, name: nameOfRef(ref) };

    const primary = walk(rotation, now);
    const onCallNow: OnCallNow[] = [];
    if (primary.current.member) {
      onCallNow.push(onCall(user(primary.current.member), 1, primary.current));
    }
    const escalation: EscalationStep[] = [
      { level: 1, after: 'PT0S', targets: [rotationTarget(rotation)] },
    ];
    rotation.escalation.forEach((step, i) => {
      const level = i + 2;
      if ('rotation' in step) {
        const other = this.byId.get(step.rotation)!;
        escalation.push({
          level,
          after: step.after,
          targets: [rotationTarget(other)],
        });
        const { current } = walk(other, now);
        if (current.member) {
          onCallNow.push(onCall(user(current.member), level, current));
        }
        return;
      }
      escalation.push({
        level,
        after: step.after,
        targets: step.targets.map(ref =>
          kindOfRef(ref) === 'group'
            ? { type: 'group' as const, ref, name: nameOfRef(ref) }
            : { type: 'user' as const, ref, name: user(ref).name },
        ),
      });
      for (const ref of step.targets.filter(r => kindOfRef(r) === 'user')) {
        onCallNow.push({ user: user(ref), level });
      }
    });

    const next: OnCallShift[] = [];
    for (const run of primary.later) {
      if (next.length >= NEXT_SHIFTS) {
        break;
      }
      if (run.member && Number.isFinite(run.to)) {
        next.push({
          user: user(run.member),
          from: new Date(run.from).toISOString(),
          to: new Date(run.to).toISOString(),
        });
      }
    }

    const horizon = new Date(now.getTime() + COVERAGE_DAYS * DAY_MS);
    const covered = shiftsBetween(rotation, now, horizon).filter(s => s.member);
    const { status, gaps } = coverage(covered, now, COVERAGE_DAYS);
    return {
      scheduleName: rotation.id,
      status,
      onCallNow,
      escalation,
      next,
      gaps,
    };
  }
}

function target(
  id: string,
  matchedBy: OnCallTarget['matchedBy'],
): OnCallTarget {
  return { matchedBy, key: `${KEY_PREFIX}${id}`, data: { rotation: id } };
}

function rotationTarget(rotation: Rotation): EscalationStep['targets'][number] {
  return { type: 'rotation', ref: rotation.id, name: rotation.id };
}

function onCall(
  user: OnCallUser,
  level: number,
  current: { to?: number },
): OnCallNow {
  return current.to === undefined
    ? { user, level }
    : { user, level, until: new Date(current.to).toISOString() };
}

/**
 * Who is on call now and until when (the end of their unbroken run, absent
 * when it does not end within the lookahead), and the runs after it.
 */
function walk(
  rotation: Rotation,
  now: Date,
): { current: { member?: string; to?: number }; later: Iterable<Span> } {
  const runs = mergeByMember(spansFrom(rotation, now), {
    horizon: now.getTime() + LOOKAHEAD_MS,
    maxSpans: MAX_SPANS,
  });
  const first = runs.next();
  const member = spansFrom(rotation, now).next().value?.member;
  const to =
    !first.done && Number.isFinite(first.value.to) ? first.value.to : undefined;
  return {
    current: {
      ...(member ? { member } : {}),
      ...(to !== undefined ? { to } : {}),
    },
    later: runs,
  };
}
