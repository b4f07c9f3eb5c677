import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { DateTime } from 'luxon';
import { readRotations } from './readRotations';
import {
  mergeByMember,
  onCallAt,
  shiftsBetween,
  spansFrom,
} from './rotationMath';
import type { Rotation } from './types';

const ALICE = 'user:default/alice';
const BOB = 'user:default/bob';
const CAROL = 'user:default/carol';
const DAVE = 'user:default/dave';

function rotation(fields: Record<string, unknown>): Rotation {
  const { rotations, problems } = readRotations(
    new ConfigReader({
      ownership: {
        oncall: {
          rotations: [
            {
              id: 'r',
              timezone: 'Europe/Berlin',
              members: ['alice', 'bob'],
              ...fields,
            },
          ],
        },
      },
    }),
    mockServices.logger.mock(),
  );
  expect(problems).toEqual([]);
  return rotations[0];
}

const utc = (iso: string) => new Date(`${iso}Z`);
const local = (iso: string, zone = 'Europe/Berlin') =>
  DateTime.fromISO(iso, { zone }).toJSDate();
const ms = (date: Date) => new Date(date.getTime() - 1);
/** Hand-off times as local wall-clock times in the zone. */
const wallClock = (dates: Date[], zone = 'Europe/Berlin') =>
  dates.map(d =>
    DateTime.fromJSDate(d, { zone }).toFormat("yyyy-MM-dd'T'HH:mm"),
  );
const handOffs = (r: Rotation, from: Date, to: Date) =>
  shiftsBetween(r, from, to)
    .slice(1)
    .map(s => s.from);

describe('rotation math', () => {
  const weekly = rotation({ start: '2026-01-05T09:00', shift: 'P7D' });

  it('hands off exactly at the shift boundary, not a millisecond earlier', () => {
    const handOff = utc('2026-01-12T08:00:00.000'); // 09:00 CET
    expect(onCallAt(weekly, handOff)).toEqual({
      member: BOB,
      from: handOff,
      to: utc('2026-01-19T08:00:00.000'),
    });
    expect(onCallAt(weekly, ms(handOff))).toEqual({
      member: ALICE,
      from: utc('2026-01-05T08:00:00.000'),
      to: handOff,
    });
    // members[k mod n]: shift 2 is alice again, shift 53 (2027-01-11) is bob
    expect(onCallAt(weekly, utc('2026-01-19T08:00:00.000')).member).toBe(ALICE);
    expect(onCallAt(weekly, local('2027-01-11T08:59')).member).toBe(ALICE);
    expect(onCallAt(weekly, local('2027-01-11T09:00')).member).toBe(BOB);
  });

  it('has nobody on call before the start', () => {
    const start = utc('2026-01-05T08:00:00.000');
    expect(onCallAt(weekly, ms(start))).toEqual({ to: start });
    expect(onCallAt(weekly, start).member).toBe(ALICE);
    expect(
      shiftsBetween(
        weekly,
        utc('2026-01-01T00:00:00'),
        utc('2026-01-06T00:00:00'),
      ),
    ).toEqual([
      { from: utc('2026-01-01T00:00:00'), to: start },
      { member: ALICE, from: start, to: utc('2026-01-06T00:00:00') },
    ]);
  });

  it('has nobody on call from the end on; the last shift is cut short', () => {
    const ending = rotation({
      start: '2026-12-21T09:00',
      shift: 'P7D',
      end: '2027-01-01T00:00',
    });
    const end = local('2027-01-01T00:00');
    expect(onCallAt(ending, end)).toEqual({ from: end });
    expect(onCallAt(ending, local('2027-06-01T00:00'))).toEqual({ from: end });
    expect(onCallAt(ending, ms(end))).toEqual({
      member: BOB,
      from: local('2026-12-28T09:00'),
      to: end,
    });
    expect(
      shiftsBetween(
        ending,
        local('2026-12-30T00:00'),
        local('2027-01-02T00:00'),
      ),
    ).toEqual([
      { member: BOB, from: local('2026-12-30T00:00'), to: end },
      { from: end, to: local('2027-01-02T00:00') },
    ]);
  });

  describe('across DST in Europe/Berlin', () => {
    it('keeps 09:00 local for P1D and P7D at spring-forward (2027-03-28)', () => {
      const daily = rotation({ start: '2027-03-26T09:00', shift: 'P1D' });
      const days = handOffs(
        daily,
        local('2027-03-26T09:00'),
        local('2027-03-31T00:00'),
      );
      expect(wallClock(days)).toEqual([
        '2027-03-27T09:00',
        '2027-03-28T09:00',
        '2027-03-29T09:00',
        '2027-03-30T09:00',
      ]);
      // 2027-03-28 09:00 is already CEST: the shift before is 23 real hours
      expect(days[1]).toEqual(utc('2027-03-28T07:00:00'));
      expect(days[1].getTime() - days[0].getTime()).toBe(23 * 3600_000);

      const week = rotation({ start: '2027-03-22T09:00', shift: 'P7D' });
      expect(onCallAt(week, local('2027-03-25T12:00'))).toEqual({
        member: ALICE,
        from: utc('2027-03-22T08:00:00'),
        to: utc('2027-03-29T07:00:00'),
      });
    });

    it('keeps 09:00 local for P1D and P7D at fall-back (2026-10-25)', () => {
      const daily = rotation({ start: '2026-10-24T09:00', shift: 'P1D' });
      const days = handOffs(
        daily,
        local('2026-10-24T09:00'),
        local('2026-10-27T00:00'),
      );
      expect(wallClock(days)).toEqual(['2026-10-25T09:00', '2026-10-26T09:00']);
      expect(days[0]).toEqual(utc('2026-10-25T08:00:00'));
      expect(days[0].getTime() - utc('2026-10-24T07:00:00').getTime()).toBe(
        25 * 3600_000,
      );

      const week = rotation({ start: '2026-10-19T09:00', shift: 'P7D' });
      expect(onCallAt(week, local('2026-10-26T08:59'))).toEqual({
        member: ALICE,
        from: utc('2026-10-19T07:00:00'),
        to: utc('2026-10-26T08:00:00'),
      });
      expect(onCallAt(week, local('2026-11-02T09:00')).from).toEqual(
        utc('2026-11-02T08:00:00'),
      );
    });

    it('keeps PT12H shifts at 12 real hours, so local hand-offs move', () => {
      const spring = rotation({ start: '2027-03-27T21:00', shift: 'PT12H' });
      const springHandOffs = handOffs(
        spring,
        local('2027-03-27T21:00'),
        local('2027-03-29T00:00'),
      );
      expect(springHandOffs).toEqual([
        utc('2027-03-28T08:00:00'),
        utc('2027-03-28T20:00:00'),
      ]);
      expect(wallClock(springHandOffs)).toEqual([
        '2027-03-28T10:00',
        '2027-03-28T22:00',
      ]);

      const fall = rotation({ start: '2026-10-24T21:00', shift: 'PT12H' });
      const fallHandOffs = handOffs(
        fall,
        local('2026-10-24T21:00'),
        local('2026-10-26T00:00'),
      );
      expect(fallHandOffs).toEqual([
        utc('2026-10-25T07:00:00'),
        utc('2026-10-25T19:00:00'),
      ]);
      expect(wallClock(fallHandOffs)).toEqual([
        '2026-10-25T08:00',
        '2026-10-25T20:00',
      ]);
    });
  });

  it('works in America/New_York across its DST change (2026-03-08)', () => {
    const zone = 'America/New_York';
    const nyc = rotation({
      timezone: zone,
      start: '2026-03-02T09:00',
      shift: 'P7D',
    });
    expect(onCallAt(nyc, utc('2026-03-02T14:00:00'))).toEqual({
      member: ALICE,
      from: utc('2026-03-02T14:00:00'), // 09:00 EST
      to: utc('2026-03-09T13:00:00'), // 09:00 EDT
    });
    expect(
      wallClock(
        handOffs(
          nyc,
          local('2026-03-02T09:00', zone),
          local('2026-11-10T00:00', zone),
        ),
        zone,
      ).every(t => t.endsWith('T09:00')),
    ).toBe(true);
  });

  describe('overrides', () => {
    const withOverrides = rotation({
      start: '2026-12-21T09:00',
      shift: 'P7D',
      overrides: [
        { from: '2026-12-24T09:00', to: '2026-12-27T09:00', member: 'dave' },
        { from: '2026-12-31T18:00', to: '2027-01-01T09:00' },
        // across the hand-off from bob to alice on 2027-01-04 09:00
        { from: '2027-01-03T18:00', to: '2027-01-05T09:00', member: 'carol' },
      ],
    });

    it('cut shifts into pieces: inside, member-less and across a hand-off', () => {
      expect(
        shiftsBetween(
          withOverrides,
          local('2026-12-21T09:00'),
          local('2027-01-11T09:00'),
        ),
      ).toEqual([
        {
          member: ALICE,
          from: local('2026-12-21T09:00'),
          to: local('2026-12-24T09:00'),
        },
        {
          member: DAVE,
          from: local('2026-12-24T09:00'),
          to: local('2026-12-27T09:00'),
        },
        {
          member: ALICE,
          from: local('2026-12-27T09:00'),
          to: local('2026-12-28T09:00'),
        },
        {
          member: BOB,
          from: local('2026-12-28T09:00'),
          to: local('2026-12-31T18:00'),
        },
        { from: local('2026-12-31T18:00'), to: local('2027-01-01T09:00') },
        {
          member: BOB,
          from: local('2027-01-01T09:00'),
          to: local('2027-01-03T18:00'),
        },
        {
          member: CAROL,
          from: local('2027-01-03T18:00'),
          to: local('2027-01-05T09:00'),
        },
        {
          member: ALICE,
          from: local('2027-01-05T09:00'),
          to: local('2027-01-11T09:00'),
        },
      ]);
    });

    it('answer for instants inside them, with the whole override as segment', () => {
      expect(onCallAt(withOverrides, local('2026-12-25T12:00'))).toEqual({
        member: DAVE,
        from: local('2026-12-24T09:00'),
        to: local('2026-12-27T09:00'),
      });
      expect(onCallAt(withOverrides, local('2027-01-01T00:00'))).toEqual({
        from: local('2026-12-31T18:00'),
        to: local('2027-01-01T09:00'),
      });
      // the override began in bob's shift; asked after alice's hand-off
      expect(onCallAt(withOverrides, local('2027-01-04T12:00'))).toEqual({
        member: CAROL,
        from: local('2027-01-03T18:00'),
        to: local('2027-01-05T09:00'),
      });
      expect(
        onCallAt(withOverrides, ms(local('2026-12-24T09:00'))).member,
      ).toBe(ALICE);
      expect(onCallAt(withOverrides, local('2026-12-27T09:00'))).toEqual({
        member: ALICE,
        from: local('2026-12-27T09:00'),
        to: local('2026-12-28T09:00'),
      });
    });

    it('let the later of overlapping overrides win, and apply before the start', () => {
      const layered = rotation({
        start: '2026-12-21T09:00',
        shift: 'P7D',
        overrides: [
          { from: '2026-12-20T09:00', to: '2026-12-23T09:00', member: 'carol' },
          { from: '2026-12-22T09:00', to: '2026-12-22T21:00', member: 'dave' },
        ],
      });
      expect(
        shiftsBetween(
          layered,
          local('2026-12-20T00:00'),
          local('2026-12-24T00:00'),
        ),
      ).toEqual([
        { from: local('2026-12-20T00:00'), to: local('2026-12-20T09:00') },
        {
          member: CAROL,
          from: local('2026-12-20T09:00'),
          to: local('2026-12-22T09:00'),
        },
        {
          member: DAVE,
          from: local('2026-12-22T09:00'),
          to: local('2026-12-22T21:00'),
        },
        {
          member: CAROL,
          from: local('2026-12-22T21:00'),
          to: local('2026-12-23T09:00'),
        },
        {
          member: ALICE,
          from: local('2026-12-23T09:00'),
          to: local('2026-12-24T00:00'),
        },
      ]);
    });
  });

  it('finds the shift quickly years after the start, also for months', () => {
    const monthly = rotation({
      start: '2026-01-31T09:00',
      shift: 'P1M',
      members: ['alice', 'bob', 'carol'],
    });
    // month k starts on the 31st clamped to the month's last day
    expect(onCallAt(monthly, local('2036-02-15T00:00'))).toEqual({
      member: ALICE, // 2036-01-31 is shift 120
      from: local('2036-01-31T09:00'),
      to: local('2036-02-29T09:00'),
    });
  });

  it('merges adjacent runs of one member and stops at the horizon', () => {
    const twice = rotation({
      start: '2026-01-05T09:00',
      shift: 'P1D',
      members: ['alice', 'alice', 'bob'],
      end: '2026-01-10T09:00',
    });
    const now = local('2026-01-06T12:00');
    const t = (iso: string) => local(iso).getTime();
    expect([
      ...mergeByMember(spansFrom(twice, now), {
        horizon: Infinity,
        maxSpans: 100,
      }),
    ]).toEqual([
      // from the segment covering now
      { member: ALICE, from: t('2026-01-06T09:00'), to: t('2026-01-07T09:00') },
      { member: BOB, from: t('2026-01-07T09:00'), to: t('2026-01-08T09:00') },
      { member: ALICE, from: t('2026-01-08T09:00'), to: t('2026-01-10T09:00') },
      { from: t('2026-01-10T09:00'), to: Infinity },
    ]);
    // the run in progress at the horizon (or after maxSpans) is left out
    const limited = (limits: { horizon: number; maxSpans: number }) => [
      ...mergeByMember(spansFrom(twice, now), limits),
    ];
    expect(limited({ horizon: t('2026-01-08T00:00'), maxSpans: 100 })).toEqual([
      { member: ALICE, from: t('2026-01-06T09:00'), to: t('2026-01-07T09:00') },
    ]);
    expect(limited({ horizon: Infinity, maxSpans: 2 })).toHaveLength(1);
  });

  it('has one segment for a single member, from start to end', () => {
    const single = rotation({
      start: '2026-01-05T09:00',
      shift: 'P1D',
      members: ['alice'],
      end: '2026-01-10T09:00',
    });
    expect(onCallAt(single, local('2026-01-07T12:00'))).toEqual({
      member: ALICE,
      from: local('2026-01-05T09:00'),
      to: local('2026-01-10T09:00'),
    });
    const forever = rotation({
      start: '2026-01-05T09:00',
      shift: 'P1D',
      members: ['alice'],
      overrides: [{ from: '2026-02-01T09:00', to: '2026-02-02T09:00' }],
    });
    expect(onCallAt(forever, local('2030-01-01T00:00'))).toEqual({
      member: ALICE,
      from: local('2026-02-02T09:00'),
    });
  });
});
