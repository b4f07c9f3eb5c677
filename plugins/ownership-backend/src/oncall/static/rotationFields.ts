import { DateTime, Duration } from 'luxon';
import { kindOfRef, toFullRef } from '../../org/refs';
import type { RotationEscalationStep, RotationOverride } from './types';

const OVERRIDE_KEYS = ['from', 'to', 'member'];
const STEP_KEYS = ['after', 'rotation', 'targets'];
const CALENDAR_UNITS = ['years', 'quarters', 'months', 'weeks', 'days'];
const LOCAL_DATE_TIME =
  /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?)?$/;

/** Reports a problem at a path relative to the rotation, e.g. `.shift`. */
export type Fail = (field: string, message: string) => void;

/** A plain object (not null, not a list). */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A config value as it appears in messages; `missing` when absent. */
export function shown(value: unknown): string {
  return value === undefined ? 'missing' : JSON.stringify(value);
}

/** A local ISO date or date-time without offset, read in `zone`. */
export function parseLocal(value: unknown, zone: string): DateTime | undefined {
  if (typeof value !== 'string' || !LOCAL_DATE_TIME.test(value.trim())) {
    return undefined;
  }
  const parsed = DateTime.fromISO(value.trim(), { zone });
  return parsed.isValid ? parsed : undefined;
}

/** An ISO-8601 duration without negative parts, or undefined. */
function parseDuration(value: unknown): Duration | undefined {
  if (typeof value !== 'string') {
    return undefined;
  }
  const duration = Duration.fromISO(value.trim());
  if (!duration.isValid) {
    return undefined;
  }
  return Object.values(duration.toObject()).every(v => v >= 0)
    ? duration
    : undefined;
}

/** `shift`: a duration longer than zero with whole calendar units. */
export function readShift(
  value: unknown,
  fail: (message: string) => void,
): Duration | undefined {
  const shift = parseDuration(value);
  if (!shift) {
    fail(
      `expected an ISO-8601 duration such as P7D or PT12H, got ${shown(value)}`,
    );
    return undefined;
  }
  if (shift.toMillis() <= 0) {
    fail(`${shown(value)} must be longer than zero`);
    return undefined;
  }
  const fractional = Object.entries(shift.toObject()).find(
    ([unit, v]) => CALENDAR_UNITS.includes(unit) && !Number.isInteger(v),
  );
  if (fractional) {
    fail(
      `${shown(value)} has fractional ${
        fractional[0]
      }; use hours instead (e.g. PT36H)`,
    );
    return undefined;
  }
  return shift;
}

function userRef(value: unknown): string | undefined {
  const ref = toFullRef(value, {
    defaultKind: 'user',
    defaultNamespace: 'default',
  });
  return ref && kindOfRef(ref) === 'user' ? ref : undefined;
}

/** `members`: a non-empty list of user refs, made full and lower-case. */
export function readMembers(value: unknown, fail: Fail): string[] | undefined {
  if (!Array.isArray(value) || !value.length) {
    fail(
      '.members',
      `expected a non-empty list of user refs, got ${shown(value)}`,
    );
    return undefined;
  }
  const members = value.map((member, i) => {
    const ref = userRef(member);
    if (!ref) {
      fail(`.members[${i}]`, `expected a user ref, got ${shown(member)}`);
    }
    return ref;
  });
  return members.every(Boolean) ? (members as string[]) : undefined;
}

/** `overrides`: local `from` before `to`, optional member; absent is none. */
export function readOverrides(
  value: unknown,
  localTime: (field: string, value: unknown) => DateTime | undefined,
  fail: Fail,
): RotationOverride[] | undefined {
  if (value === undefined) {
    return [];
  }
  if (!Array.isArray(value)) {
    fail('.overrides', `expected a list, got ${shown(value)}`);
    return undefined;
  }
  let ok = true;
  const overrides = value.map((entry, i): RotationOverride | undefined => {
    const path = `.overrides[${i}]`;
    if (!isObject(entry)) {
      ok = false;
      fail(path, `expected { from, to, member? }, got ${shown(entry)}`);
      return undefined;
    }
    for (const key of Object.keys(entry)) {
      if (!OVERRIDE_KEYS.includes(key)) {
        ok = false;
        fail(`${path}.${key}`, 'unknown key (expected from, to, member)');
      }
    }
    const from = localTime(`${path}.from`, entry.from);
    const to = localTime(`${path}.to`, entry.to);
    let member: string | undefined;
    if (entry.member !== undefined) {
      member = userRef(entry.member);
      if (!member) {
        ok = false;
        fail(
          `${path}.member`,
          `expected a user ref, got ${shown(entry.member)}`,
        );
      }
    }
    if (from && to && from.toMillis() >= to.toMillis()) {
      ok = false;
      fail(`${path}.to`, `${shown(entry.to)} is not after from`);
    }
    if (!from || !to) {
      ok = false;
      return undefined;
    }
    return {
      from: from.toJSDate(),
      to: to.toJSDate(),
      ...(member ? { member } : {}),
    };
  });
  return ok ? (overrides as RotationOverride[]) : undefined;
}

/**
 * `escalation`: steps with `after` (not decreasing) and either `rotation` or
 * `targets`. Whether named rotations exist is checked later, across rotations.
 */
export function readEscalation(
  value: unknown,
  fail: Fail,
): RotationEscalationStep[] | undefined {
  if (value === undefined) {
    return [];
  }
  if (!Array.isArray(value)) {
    fail('.escalation', `expected a list of steps, got ${shown(value)}`);
    return undefined;
  }
  let ok = true;
  let previous: { after: string; ms: number } | undefined;
  const steps = value.map((entry, i): RotationEscalationStep | undefined => {
    const path = `.escalation[${i}]`;
    const bad = (field: string, message: string) => {
      ok = false;
      fail(`${path}${field}`, message);
    };
    if (!isObject(entry)) {
      bad(
        '',
        `expected { after, rotation } or { after, targets }, got ${shown(
          entry,
        )}`,
      );
      return undefined;
    }
    for (const key of Object.keys(entry)) {
      if (!STEP_KEYS.includes(key)) {
        bad(`.${key}`, 'unknown key (expected after, rotation or targets)');
      }
    }
    const duration = parseDuration(entry.after);
    const after = typeof entry.after === 'string' ? entry.after.trim() : '';
    if (!duration) {
      bad(
        '.after',
        `expected an ISO-8601 duration of zero or more such as PT15M, got ${shown(
          entry.after,
        )}`,
      );
    } else if (previous && duration.toMillis() < previous.ms) {
      bad(
        '.after',
        `${after} is earlier than the previous step's ${previous.after}; steps must not go back in time`,
      );
    }
    if (duration) {
      previous = { after, ms: duration.toMillis() };
    }

    const hasRotation = entry.rotation !== undefined;
    const hasTargets = entry.targets !== undefined;
    if (hasRotation === hasTargets) {
      bad('', 'expected either rotation or targets, not both or neither');
      return undefined;
    }
    if (hasRotation) {
      if (typeof entry.rotation !== 'string' || !entry.rotation.trim()) {
        bad(
          '.rotation',
          `expected a rotation id, got ${shown(entry.rotation)}`,
        );
        return undefined;
      }
      return { after, rotation: entry.rotation.trim() };
    }
    const targets = readTargets(entry.targets, (field, message) =>
      bad(field, message),
    );
    return targets ? { after, targets } : undefined;
  });
  return ok ? (steps as RotationEscalationStep[]) : undefined;
}

function readTargets(
  value: unknown,
  bad: (field: string, message: string) => void,
): string[] | undefined {
  if (!Array.isArray(value) || !value.length) {
    bad(
      '.targets',
      `expected a non-empty list of user or group refs, got ${shown(value)}`,
    );
    return undefined;
  }
  const targets = value.map((target, i) => {
    const ref = toFullRef(target, {
      defaultKind: 'user',
      defaultNamespace: 'default',
    });
    if (!ref || !['user', 'group'].includes(kindOfRef(ref))) {
      bad(
        `.targets[${i}]`,
        `expected a user or group ref, got ${shown(target)}`,
      );
      return undefined;
    }
    return ref;
  });
  return targets.every(Boolean) ? (targets as string[]) : undefined;
}
