import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { readRotations } from './readRotations';

const valid = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  team: 'payments',
  timezone: 'Europe/Berlin',
  start: '2026-01-05T09:00',
  shift: 'P7D',
  members: ['alice', 'user:default/bob'],
  ...extra,
});

function read(rotations: unknown, oncall: Record<string, unknown> = {}) {
  const logger = mockServices.logger.mock();
  const result = readRotations(
    new ConfigReader({
      ownership: { oncall: { ...oncall, rotations } },
    } as any),
    logger,
  );
  return {
    ids: result.rotations.map(r => r.id),
    rotations: result.rotations,
    problems: result.problems,
    warnings: logger.warn.mock.calls.map(call => call[0]),
  };
}

describe('readRotations', () => {
  it('reads a full rotation and normalises refs', () => {
    const { rotations, problems, warnings } = read([
      valid('payments-primary', {
        team: 'Group:Default/Payments',
        end: '2027-01-01T00:00',
        overrides: [
          { from: '2026-12-24T09:00', to: '2026-12-27T09:00', member: 'dave' },
          { from: '2026-12-31T18:00', to: '2027-01-01T09:00' },
        ],
        escalation: [
          { after: 'PT15M', rotation: 'payments-secondary' },
          { after: 'PT30M', targets: ['group:platform-leads', 'Carol'] },
        ],
      }),
      valid('payments-secondary', { members: ['carol'] }),
    ]);
    expect(problems).toEqual([]);
    expect(warnings).toEqual([]);
    const [primary] = rotations;
    expect(primary).toMatchObject({
      id: 'payments-primary',
      team: 'group:default/payments',
      timezone: 'Europe/Berlin',
      members: ['user:default/alice', 'user:default/bob'],
      end: new Date('2026-12-31T23:00:00Z'),
      overrides: [
        {
          from: new Date('2026-12-24T08:00:00Z'),
          to: new Date('2026-12-27T08:00:00Z'),
          member: 'user:default/dave',
        },
        {
          from: new Date('2026-12-31T17:00:00Z'),
          to: new Date('2027-01-01T08:00:00Z'),
        },
      ],
      escalation: [
        { after: 'PT15M', rotation: 'payments-secondary' },
        {
          after: 'PT30M',
          targets: ['group:default/platform-leads', 'user:default/carol'],
        },
      ],
    });
    expect(primary.start.toISO()).toBe('2026-01-05T09:00:00.000+01:00');
    expect(primary.shift.toISO()).toBe('P7D');
    expect(primary.overrides[1]).not.toHaveProperty('member');
  });

  it('has no rotations and no problems without config', () => {
    expect(read(undefined)).toMatchObject({ ids: [], problems: [] });
    expect(
      readRotations(new ConfigReader({}), mockServices.logger.mock()),
    ).toEqual({ rotations: [], problems: [] });
  });

  it('warns once per problem with its path, keeping the valid rotations', () => {
    const { ids, problems, warnings } = read([
      valid('ok-1'),
      valid('zone', { timezone: 'Europe/Berlinn' }),
      valid('duration', { shift: 'P7' }),
      valid('zero', { shift: 'PT0S' }),
      valid('members', { members: [] }),
      valid('start', { start: '2026-01-05T09:00+01:00' }),
      valid('override', {
        overrides: [{ from: '2026-12-27T09:00', to: '2026-12-24T09:00' }],
      }),
      valid('unknown-escalation', {
        escalation: [{ after: 'PT15M', rotation: 'nope' }],
      }),
      valid('loop-a', { escalation: [{ after: 'PT5M', rotation: 'loop-b' }] }),
      valid('loop-b', { escalation: [{ after: 'PT5M', rotation: 'loop-a' }] }),
      valid('dup'),
      valid('dup'),
      valid('ok-2', { team: 'group:default/search' }),
    ]);
    expect(ids).toEqual(['ok-1', 'ok-2']);
    const at = 'Invalid config at ownership.oncall.rotations';
    expect(problems).toEqual([
      `${at}[1].timezone: unknown time zone "Europe/Berlinn"; the rotation "zone" is ignored`,
      `${at}[2].shift: expected an ISO-8601 duration such as P7D or PT12H, got "P7"; the rotation "duration" is ignored`,
      `${at}[3].shift: "PT0S" must be longer than zero; the rotation "zero" is ignored`,
      `${at}[4].members: expected a non-empty list of user refs, got []; the rotation "members" is ignored`,
      `${at}[5].start: expected a local date-time without offset such as 2026-01-05T09:00, got "2026-01-05T09:00+01:00"; the rotation "start" is ignored`,
      `${at}[6].overrides[0].to: "2026-12-24T09:00" is not after from; the rotation "override" is ignored`,
      `${at}[10].id: the id "dup" is used by rotations[10] and rotations[11]; the rotation "dup" is ignored`,
      `${at}[11].id: the id "dup" is used by rotations[10] and rotations[11]; the rotation "dup" is ignored`,
      `${at}[7].escalation[0].rotation: no rotation "nope" is configured; the rotation "unknown-escalation" is ignored`,
      `${at}[8].escalation[0].rotation: escalation loop "loop-a" → "loop-b" → "loop-a"; the rotation "loop-a" is ignored`,
      `${at}[9].escalation[0].rotation: escalation loop "loop-b" → "loop-a" → "loop-b"; the rotation "loop-b" is ignored`,
    ]);
    expect(warnings).toEqual(problems);
  });

  it('reports a self-escalation and longer loops, but not rotations leading into them', () => {
    const { ids, problems } = read([
      valid('self', { escalation: [{ after: 'PT5M', rotation: 'self' }] }),
      valid('a', { escalation: [{ after: 'PT5M', rotation: 'b' }] }),
      valid('b', { escalation: [{ after: 'PT5M', rotation: 'c' }] }),
      valid('c', { escalation: [{ after: 'PT5M', rotation: 'a' }] }),
      valid('entry', {
        escalation: [
          { after: 'PT5M', rotation: 'a' },
          { after: 'PT10M', targets: ['carol'] },
        ],
      }),
    ]);
    expect(ids).toEqual(['entry']);
    expect(problems).toEqual([
      'Invalid config at ownership.oncall.rotations[0].escalation[0].rotation: escalation loop "self" → "self"; the rotation "self" is ignored',
      'Invalid config at ownership.oncall.rotations[1].escalation[0].rotation: escalation loop "a" → "b" → "c" → "a"; the rotation "a" is ignored',
      'Invalid config at ownership.oncall.rotations[2].escalation[0].rotation: escalation loop "b" → "c" → "a" → "b"; the rotation "b" is ignored',
      'Invalid config at ownership.oncall.rotations[3].escalation[0].rotation: escalation loop "c" → "a" → "b" → "c"; the rotation "c" is ignored',
      'Invalid config at ownership.oncall.rotations[4].escalation[0].rotation: the rotation "a" is ignored because of its own problems; this escalation step of "entry" is ignored',
    ]);
  });

  it('keeps a rotation whose escalation names an ignored rotation, without that step', () => {
    const { rotations, problems } = read([
      valid('primary', {
        escalation: [
          { after: 'PT15M', rotation: 'broken' },
          { after: 'PT30M', targets: ['group:platform-leads'] },
        ],
      }),
      valid('broken', { timezone: 'Mars/Olympus' }),
    ]);
    expect(rotations.map(r => [r.id, r.escalation])).toEqual([
      [
        'primary',
        [{ after: 'PT30M', targets: ['group:default/platform-leads'] }],
      ],
    ]);
    expect(problems).toEqual([
      'Invalid config at ownership.oncall.rotations[1].timezone: unknown time zone "Mars/Olympus"; the rotation "broken" is ignored',
      'Invalid config at ownership.oncall.rotations[0].escalation[0].rotation: the rotation "broken" is ignored because of its own problems; this escalation step of "primary" is ignored',
    ]);
  });

  it('reports every problem of one rotation, and the remaining field checks', () => {
    const { ids, problems } = read([
      {
        id: '',
        team: 'user:alice',
        timezone: 'Europe/Berlin',
        start: '2026-02-30T09:00',
        shift: '-P1D',
        members: ['alice', 'group:payments', 42],
        end: '2025-01-01T00:00',
        escalation: [
          { after: 'PT30M', targets: ['alice'] },
          { after: 'PT15M', rotation: 'x', targets: ['bob'] },
          { after: 'soon', targets: [] },
        ],
        overrides: [
          { from: '2026-12-24', to: 'later', member: 'group:payments' },
          'dave',
        ],
        memebrs: ['typo'],
      },
      valid('fractional', { shift: 'P1.5D', end: '2026-01-05T09:00' }),
      'not a rotation',
    ]);
    expect(ids).toEqual([]);
    const at = 'Invalid config at ownership.oncall.rotations';
    expect(problems).toEqual([
      `${at}[0].memebrs: unknown key (expected id, team, timezone, start, shift, members, end, overrides, escalation); the rotation is ignored`,
      `${at}[0].id: expected a non-empty string, got ""; the rotation is ignored`,
      `${at}[0].team: expected a group ref, got "user:alice"; the rotation is ignored`,
      `${at}[0].start: expected a local date-time without offset such as 2026-01-05T09:00, got "2026-02-30T09:00"; the rotation is ignored`,
      `${at}[0].shift: expected an ISO-8601 duration such as P7D or PT12H, got "-P1D"; the rotation is ignored`,
      `${at}[0].members[1]: expected a user ref, got "group:payments"; the rotation is ignored`,
      `${at}[0].members[2]: expected a user ref, got 42; the rotation is ignored`,
      `${at}[0].overrides[0].to: expected a local date-time without offset such as 2026-01-05T09:00, got "later"; the rotation is ignored`,
      `${at}[0].overrides[0].member: expected a user ref, got "group:payments"; the rotation is ignored`,
      `${at}[0].overrides[1]: expected { from, to, member? }, got "dave"; the rotation is ignored`,
      `${at}[0].escalation[1].after: PT15M is earlier than the previous step's PT30M; steps must not go back in time; the rotation is ignored`,
      `${at}[0].escalation[1]: expected either rotation or targets, not both or neither; the rotation is ignored`,
      `${at}[0].escalation[2].after: expected an ISO-8601 duration of zero or more such as PT15M, got "soon"; the rotation is ignored`,
      `${at}[0].escalation[2].targets: expected a non-empty list of user or group refs, got []; the rotation is ignored`,
      `${at}[1].end: "2026-01-05T09:00" is not after start; the rotation "fractional" is ignored`,
      `${at}[1].shift: "P1.5D" has fractional days; use hours instead (e.g. PT36H); the rotation "fractional" is ignored`,
      `${at}[2]: expected a rotation object, got "not a rotation"; the rotation is ignored`,
    ]);
  });

  it('does not throw when rotations is not a list', () => {
    expect(read({ id: 'x' }).problems).toEqual([
      'Invalid config at ownership.oncall.rotations: expected a list of rotations; no static rotations are used',
    ]);
  });
});
