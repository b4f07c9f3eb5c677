import fc from 'fast-check';
import { calendar } from './__testUtils__/fixtures';
import { InvalidCalendarError, parseFeed } from './parseFeed';

/** The provider's default `maxBytes`. */
const MAX_FEED_BYTES = 5 * 1024 * 1024;
const NOW = Date.parse('2026-12-01T12:00:00Z');
const WINDOW = {
  from: new Date(NOW - 24 * 3600_000),
  to: new Date(NOW + 8 * 24 * 3600_000),
};

/** Fixed seed so that CI is deterministic; `FUZZ_SEED` replays another. */
function fuzzParameters(numRuns: number): fc.Parameters<unknown> {
  const seed = Number(process.env.FUZZ_SEED ?? 20261202);
  return {
    seed,
    numRuns,
    endOnFailure: true,
    reporter: details => {
      if (details.failed) {
        throw new Error(
          `fuzz run failed with seed ${seed} (replay with FUZZ_SEED=${seed}): ${fc.defaultReportMessage(
            details,
          )}`,
        );
      }
    },
  };
}

/** parseFeed's promise: a result, or an InvalidCalendarError; never more. */
function parseWithin(text: string, boundMs: number) {
  const parse = () => {
    try {
      return parseFeed(text, WINDOW);
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidCalendarError);
      return undefined;
    }
  };
  let started = performance.now();
  const feed = parse();
  let ms = performance.now() - started;
  // A slow parse is timed twice more and the fastest counts, so that a GC
  // pause or a busy CI machine does not pass for a runaway recurrence.
  for (let retry = 0; retry < 2 && ms >= boundMs / 2; retry++) {
    started = performance.now();
    parse();
    ms = Math.min(ms, performance.now() - started);
  }
  expect(ms).toBeLessThan(boundMs);
  if (feed) {
    expect(Array.isArray(feed.shifts)).toBe(true);
    expect(Array.isArray(feed.skipped)).toBe(true);
    expect(Array.isArray(feed.truncated)).toBe(true);
    for (const shift of feed.shifts) {
      expect(shift.to.getTime()).toBeGreaterThan(shift.from.getTime());
      expect(shift.people.length).toBeGreaterThan(0);
    }
  }
  return feed;
}

const stamp = fc
  .date({
    min: new Date('1970-01-01T00:00:00Z'),
    max: new Date('2030-12-31T00:00:00Z'),
    noInvalidDate: true,
  })
  .map(d => d.toISOString().replace(/[-:]|\.\d+/g, ''));

const FREQS = [
  'SECONDLY',
  'MINUTELY',
  'HOURLY',
  'DAILY',
  'WEEKLY',
  'MONTHLY',
  'YEARLY',
];
const DAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU', '1MO', '-1FR', '53SU'];

const rrule = fc
  .record(
    {
      FREQ: fc.constantFrom(...FREQS),
      INTERVAL: fc.integer({ min: 1, max: 3 }),
      COUNT: fc.oneof(fc.integer({ min: 1, max: 5 }), fc.constant(1_000_000)),
      UNTIL: stamp,
      BYMONTH: fc.integer({ min: 1, max: 12 }),
      BYMONTHDAY: fc.integer({ min: 1, max: 31 }),
      BYYEARDAY: fc.integer({ min: 1, max: 366 }),
      BYWEEKNO: fc.integer({ min: 1, max: 53 }),
      BYDAY: fc.subarray(DAYS, { minLength: 1 }).map(d => d.join(',')),
      BYHOUR: fc.integer({ min: 0, max: 23 }),
      BYSETPOS: fc.constantFrom(-1, 1, 2),
    },
    { requiredKeys: ['FREQ'] },
  )
  .map(
    parts =>
      `RRULE:${Object.entries(parts)
        .map(([k, v]) => `${k}=${v}`)
        .join(';')}`,
  );

const ZONES = ['Europe/Berlin', 'America/New_York', 'Not/AZone', 'UTC', ''];

const garbage = fc.constantFrom(
  'BEGIN:VEVENT',
  'END:VEVENT',
  'BEGIN:VALARM',
  'END:VTIMEZONE',
  'X-WR-TIMEZONE:Mars/Olympus',
  'DTSTART:nonsense',
  'RRULE:FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30',
  ' folded continuation',
  'ATTENDEE;CN="unbalanced:mailto:a@b.co',
  'SUMMARY:\\;\\,\\n',
  'STATUS:CANCELLED',
  ':',
  '',
);

/** Mostly nothing, sometimes `arbitrary`: junk that may spoil a whole feed. */
function rarely(arbitrary: fc.Arbitrary<string[]>): fc.Arbitrary<string[]> {
  return fc.oneof(
    { weight: 19, arbitrary: fc.constant<string[]>([]) },
    { weight: 1, arbitrary },
  );
}

const vevent = fc
  .record({
    uid: fc.constantFrom('a', 'b', 'c', ''),
    start: stamp,
    end: fc.option(stamp),
    zone: fc.constantFrom(...ZONES),
    rules: fc.array(rrule, { maxLength: 2 }),
    rdates: fc.array(stamp, { maxLength: 3 }),
    exdates: fc.array(stamp, { maxLength: 3 }),
    recurrenceId: fc.option(stamp),
    summary: fc.string({ maxLength: 40 }),
    attendees: fc.array(
      fc.oneof(fc.emailAddress(), fc.string({ maxLength: 20 })),
      { maxLength: 3 },
    ),
    junk: rarely(fc.array(garbage, { maxLength: 2 })),
  })
  .map(e => {
    const tz = e.zone ? `;TZID=${e.zone}` : '';
    const utc = e.zone ? '' : 'Z';
    return [
      'BEGIN:VEVENT',
      `UID:${e.uid}`,
      `DTSTART${tz}:${e.start.replace('Z', '')}${utc}`,
      ...(e.end ? [`DTEND${tz}:${e.end.replace('Z', '')}${utc}`] : []),
      ...e.rules,
      ...e.rdates.map(d => `RDATE:${d}`),
      ...e.exdates.map(d => `EXDATE:${d}`),
      ...(e.recurrenceId ? [`RECURRENCE-ID:${e.recurrenceId}`] : []),
      `SUMMARY:${e.summary.replace(/[\r\n]/g, ' ')}`,
      ...e.attendees.map(
        a => `ATTENDEE;CN=x:mailto:${a.replace(/[\r\n"]/g, '')}`,
      ),
      ...e.junk,
      'END:VEVENT',
    ];
  });

describe('parseFeed fuzz', () => {
  it('reads random feeds of random recurrences within a bound, never throwing past the parser', () => {
    let read = 0;
    let runs = 0;
    fc.assert(
      fc.property(
        fc.array(vevent, { maxLength: 12 }),
        rarely(fc.array(garbage, { maxLength: 3 })),
        fc.constantFrom('\r\n', '\n', '\r'),
        (events, junk, newline) => {
          const text = calendar(...junk, ...events.flat()).replace(
            /\r\n/g,
            newline,
          );
          runs++;
          read += parseWithin(text, 5_000) ? 1 : 0;
        },
      ),
      fuzzParameters(150),
    );
    // Most feeds are iCalendar, so that expansion is what gets exercised.
    expect(read / runs).toBeGreaterThan(0.5);
  });

  it('reads random text as a calendar or refuses it as not iCalendar', () => {
    const outcomes = { read: 0, refused: 0 };
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 300 }),
        fc.boolean(),
        (text, framed) => {
          const feed = parseWithin(framed ? calendar(text) : text, 2_000);
          outcomes[feed ? 'read' : 'refused']++;
        },
      ),
      fuzzParameters(200),
    );
    expect(outcomes.read).toBeGreaterThan(0);
    expect(outcomes.refused).toBeGreaterThan(0);
  });

  const minutely = (i: number) => [
    'BEGIN:VEVENT',
    `UID:m${i}`,
    'DTSTART:20000101T000000Z',
    'DTEND:20000101T000100Z',
    'RRULE:FREQ=MINUTELY;INTERVAL=1;COUNT=100000000',
    `SUMMARY:m${i}@example.com`,
    'END:VEVENT',
  ];
  const impossible = (i: number) => [
    'BEGIN:VEVENT',
    `UID:x${i}`,
    'DTSTART:20200101T090000Z',
    'DTEND:20200101T100000Z',
    `RRULE:FREQ=${FREQS[i % 4]};BYMONTH=2;BYMONTHDAY=30`,
    `SUMMARY:x${i}@example.com`,
    'END:VEVENT',
  ];
  const single = (i: number) => [
    'BEGIN:VEVENT',
    `UID:s${i}`,
    'DTSTART:20261201T090000Z',
    'DTEND:20261202T090000Z',
    `SUMMARY:s${i}@example.com`,
    'END:VEVENT',
  ];
  /** As many copies of `make` as fit in the feed size limit. */
  const fill = (make: (i: number) => string[]) => {
    const events: string[] = [];
    let size = 100;
    for (let i = 0; ; i++) {
      const event = `${make(i).join('\r\n')}\r\n`;
      if (size + event.length > MAX_FEED_BYTES) {
        break;
      }
      events.push(event);
      size += event.length;
    }
    // Not calendar(...lines): that many arguments overflow the stack.
    return calendar().replace(
      'END:VCALENDAR',
      `${events.join('')}END:VCALENDAR`,
    );
  };

  it.each([
    [
      'single events, minutely COUNT rules over decades and rules that match no date',
      () => fill(i => [single, minutely, impossible][i % 3](i)),
    ],
    [
      'deeply nested components',
      () =>
        `BEGIN:VCALENDAR\r\n${'BEGIN:X\r\n'.repeat(
          MAX_FEED_BYTES / 20,
        )}${'END:X\r\n'.repeat(MAX_FEED_BYTES / 20)}END:VCALENDAR\r\n`,
    ],
    [
      'one huge folded SUMMARY',
      () =>
        calendar(
          'BEGIN:VEVENT',
          'UID:huge',
          'DTSTART:20261201T090000Z',
          'DTEND:20261202T090000Z',
          `SUMMARY:${' level 2 a@b.co '.repeat(MAX_FEED_BYTES / 40)}`,
          'END:VEVENT',
        ),
    ],
    [
      'a run of \\r',
      () => `BEGIN:VCALENDAR${'\r'.repeat(MAX_FEED_BYTES - 40)}END:VCALENDAR`,
    ],
  ])('reads a feed of %s at the size limit within a bound', (_name, make) => {
    const text = make();
    expect(text.length).toBeLessThanOrEqual(MAX_FEED_BYTES);
    // Parsing 5 MB takes ical.js a few seconds; the recurrence budget adds
    // at most about two. Generous, so that a slow CI machine passes.
    parseWithin(text, 20_000);
  });
});
