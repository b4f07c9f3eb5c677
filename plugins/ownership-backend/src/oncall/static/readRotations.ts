import type { LoggerService } from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import { IANAZone } from 'luxon';
import { kindOfRef, toFullRef } from '../../org/refs';
import {
  type Candidate,
  dropEscalationLoops,
  dropStepsToIgnored,
  dropUnknownEscalations,
  type Report,
} from './escalationChecks';
import {
  type Fail,
  isObject,
  parseLocal,
  readEscalation,
  readMembers,
  readOverrides,
  readShift,
  shown,
} from './rotationFields';
import type { Rotation } from './types';

const ROOT = 'ownership.oncall.rotations';
const ROTATION_KEYS = [
  'id',
  'team',
  'timezone',
  'start',
  'shift',
  'members',
  'end',
  'overrides',
  'escalation',
];

/** Rotations read from config, and what was wrong with the rest. */
interface ReadRotationsResult {
  /** The valid rotations, in config order. */
  rotations: Rotation[];
  /** One message per problem, each also logged as a warning. */
  problems: string[];
}

/**
 * Reads `ownership.oncall.rotations`. Never throws: every problem is logged
 * as one warning naming its config path, and a rotation with a problem is
 * left out while the others still work. A rotation whose escalation names a
 * rotation that was left out keeps working without that step.
 */
export function readRotations(
  config: Config,
  logger: LoggerService,
): ReadRotationsResult {
  const problems: string[] = [];
  const report: Report = (path, message) => {
    const text = `Invalid config at ${path}: ${message}`;
    problems.push(text);
    logger.warn(text);
  };

  let raw: unknown;
  try {
    raw = config.getOptional(ROOT);
  } catch (error) {
    report(ROOT, `${(error as Error).message}; no static rotations are used`);
    return { rotations: [], problems };
  }
  if (raw === undefined) {
    return { rotations: [], problems };
  }
  if (!Array.isArray(raw)) {
    report(ROOT, 'expected a list of rotations; no static rotations are used');
    return { rotations: [], problems };
  }

  const ids = raw.map(entry =>
    isObject(entry) && typeof entry.id === 'string' && entry.id.trim()
      ? entry.id.trim()
      : undefined,
  );
  let candidates: Candidate[] = [];
  raw.forEach((entry, index) => {
    const rotation = readRotation(entry, index, ids, report);
    if (rotation) {
      candidates.push({ path: `${ROOT}[${index}]`, rotation });
    }
  });

  candidates = dropUnknownEscalations(candidates, new Set(ids), report);
  candidates = dropEscalationLoops(candidates, report);
  dropStepsToIgnored(candidates, report);
  return { rotations: candidates.map(c => c.rotation), problems };
}

/** Checks one entry on its own; undefined when it has any problem. */
function readRotation(
  entry: unknown,
  index: number,
  ids: Array<string | undefined>,
  report: Report,
): Rotation | undefined {
  const path = `${ROOT}[${index}]`;
  const id = ids[index];
  const ignored = id
    ? `the rotation "${id}" is ignored`
    : 'the rotation is ignored';
  let ok = true;
  const fail: Fail = (field, message) => {
    ok = false;
    report(`${path}${field}`, `${message}; ${ignored}`);
  };

  if (!isObject(entry)) {
    fail('', `expected a rotation object, got ${shown(entry)}`);
    return undefined;
  }
  for (const key of Object.keys(entry)) {
    if (!ROTATION_KEYS.includes(key)) {
      fail(`.${key}`, `unknown key (expected ${ROTATION_KEYS.join(', ')})`);
    }
  }

  if (!id) {
    fail('.id', `expected a non-empty string, got ${shown(entry.id)}`);
  } else if (ids.indexOf(id) !== ids.lastIndexOf(id)) {
    const users = ids
      .map((other, i) => (other === id ? `rotations[${i}]` : undefined))
      .filter(Boolean);
    fail('.id', `the id "${id}" is used by ${users.join(' and ')}`);
  }

  let team: string | undefined;
  if (entry.team !== undefined) {
    team = toFullRef(entry.team, {
      defaultKind: 'group',
      defaultNamespace: 'default',
    });
    if (!team || kindOfRef(team) !== 'group') {
      fail('.team', `expected a group ref, got ${shown(entry.team)}`);
    }
  }

  let timezone = 'UTC';
  if (typeof entry.timezone !== 'string' || !entry.timezone.trim()) {
    fail(
      '.timezone',
      `expected an IANA time zone such as "Europe/Berlin", got ${shown(
        entry.timezone,
      )}`,
    );
  } else if (!IANAZone.isValidZone(entry.timezone.trim())) {
    fail('.timezone', `unknown time zone ${shown(entry.timezone)}`);
  } else {
    timezone = entry.timezone.trim();
  }

  const localTime = (field: string, value: unknown) => {
    const parsed = parseLocal(value, timezone);
    if (!parsed) {
      fail(
        field,
        `expected a local date-time without offset such as 2026-01-05T09:00, got ${shown(
          value,
        )}`,
      );
    }
    return parsed;
  };

  const start = localTime('.start', entry.start);
  const end =
    entry.end === undefined ? undefined : localTime('.end', entry.end);
  if (start && end && end.toMillis() <= start.toMillis()) {
    fail('.end', `${shown(entry.end)} is not after start`);
  }

  const shift = readShift(entry.shift, message => fail('.shift', message));
  const members = readMembers(entry.members, fail);
  const overrides = readOverrides(entry.overrides, localTime, fail);
  const escalation = readEscalation(entry.escalation, fail);

  if (!ok || !id || !start || !shift || !members || !overrides) {
    return undefined;
  }
  return {
    id,
    ...(team ? { team } : {}),
    timezone,
    start,
    shift,
    members,
    ...(end ? { end: end.toJSDate() } : {}),
    overrides,
    escalation: escalation ?? [],
  };
}
