import { parseFeed } from './parseFeed';
import { levelOf } from './people';
import { calendar } from './__testUtils__/fixtures';

const DAY = 24 * 60 * 60 * 1000;

function around(now: string) {
  const at = new Date(now).getTime();
  return { from: new Date(at - DAY), to: new Date(at + 8 * DAY) };
}

function summarize(text: string, now: string) {
  return parseFeed(text, around(now))
    .shifts.sort((a, b) => a.from.getTime() - b.from.getTime())
    .map(s => ({
      from: s.from.toISOString(),
      to: s.to.toISOString(),
      level: s.level,
      who: s.people.map(p => p.email ?? p.name).join(','),
    }));
}

describe('levelOf', () => {
  it.each([
    ['Payments primary: Alice', [], 1],
    ['On call', [], 1],
    ['Secondary on-call', [], 2],
    ['Backup: Bob', [], 2],
    ['L2 - Bob', [], 2],
    ['Escalation level 3', [], 3],
    ['Tier-2 support', [], 2],
    ['Weekend escalation', ['Secondary'], 2],
    ['On call', ['Team', 'Level 2'], 2],
    ['Level 0 drill', [], 1],
    ['Sleep well', [], 1],
  ])('%s %j is level %d', (summary, categories, level) => {
    expect(levelOf(summary, categories)).toBe(level);
  });
});

describe('parseFeed', () => {
  it('reads a TZID the feed does not define as an IANA zone', () => {
    // US DST ends on 1 November 2026.
    const text = calendar(
      'BEGIN:VEVENT',
      'UID:ny',
      'DTSTART;TZID=America/New_York:20261031T200000',
      'DTEND;TZID=America/New_York:20261102T080000',
      'SUMMARY:alice.moreau@example.com',
      'END:VEVENT',
    );
    expect(summarize(text, '2026-11-01T00:00:00Z')).toEqual([
      {
        from: '2026-11-01T00:00:00.000Z',
        to: '2026-11-02T13:00:00.000Z',
        level: 1,
        who: 'alice.moreau@example.com',
      },
    ]);
  });

  it('moves a local time that a DST change skips forward, east and west of UTC', () => {
    // 02:30 does not exist on these nights: clocks jump from 02:00 to 03:00.
    const text = calendar(
      'BEGIN:VEVENT',
      'UID:ny-gap',
      'DTSTART;TZID=America/New_York:20260308T023000',
      'DTEND;TZID=America/New_York:20260308T090000',
      'SUMMARY:alice.moreau@example.com',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'UID:berlin-gap',
      'DTSTART;TZID=Europe/Berlin:20260329T023000',
      'DTEND;TZID=Europe/Berlin:20260329T090000',
      'SUMMARY:bob.klein@example.com',
      'END:VEVENT',
    );
    expect(summarize(text, '2026-03-08T00:00:00Z')).toEqual([
      {
        from: '2026-03-08T07:30:00.000Z',
        to: '2026-03-08T13:00:00.000Z',
        level: 1,
        who: 'alice.moreau@example.com',
      },
    ]);
    expect(summarize(text, '2026-03-29T00:00:00Z')).toEqual([
      {
        from: '2026-03-29T01:30:00.000Z',
        to: '2026-03-29T07:00:00.000Z',
        level: 1,
        who: 'bob.klein@example.com',
      },
    ]);
  });

  it('reads floating times and all-day events in X-WR-TIMEZONE', () => {
    const text = calendar(
      'X-WR-TIMEZONE:Asia/Tokyo',
      'BEGIN:VEVENT',
      'UID:floating',
      'DTSTART:20261201T090000',
      'DTEND:20261201T180000',
      'SUMMARY:Kenji',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'UID:all-day',
      'DTSTART;VALUE=DATE:20261202',
      'SUMMARY:Secondary: Yuki',
      'END:VEVENT',
    );
    const feed = parseFeed(text, around('2026-12-01T00:00:00Z'));
    expect(feed.timezone).toBe('Asia/Tokyo');
    expect(summarize(text, '2026-12-01T00:00:00Z')).toEqual([
      {
        from: '2026-12-01T00:00:00.000Z',
        to: '2026-12-01T09:00:00.000Z',
        level: 1,
        who: 'Kenji',
      },
      // A DATE without DTEND lasts one day.
      {
        from: '2026-12-01T15:00:00.000Z',
        to: '2026-12-02T15:00:00.000Z',
        level: 2,
        who: 'Secondary: Yuki',
      },
    ]);
  });

  it('relates overrides to their own series only', () => {
    // ical.js relates every RECURRENCE-ID in a calendar to any series unless
    // told otherwise; two series with the same local times must stay apart.
    const series = (uid: string, who: string) => [
      'BEGIN:VEVENT',
      `UID:${uid}`,
      'DTSTART:20261130T080000Z',
      'DTEND:20261130T200000Z',
      'RRULE:FREQ=DAILY;COUNT=10',
      `SUMMARY:${who}`,
      'END:VEVENT',
    ];
    const text = calendar(
      ...series('a', 'alice.moreau@example.com'),
      ...series('b', 'Secondary: dave.okafor@example.com'),
      'BEGIN:VEVENT',
      'UID:a',
      'RECURRENCE-ID:20261202T080000Z',
      'DTSTART:20261202T100000Z',
      'DTEND:20261202T200000Z',
      'SUMMARY:frank.weber@example.com',
      'END:VEVENT',
    );
    const dec2 = summarize(text, '2026-12-01T00:00:00Z').filter(s =>
      s.from.startsWith('2026-12-02'),
    );
    expect(dec2).toEqual([
      {
        from: '2026-12-02T08:00:00.000Z',
        to: '2026-12-02T20:00:00.000Z',
        level: 2,
        who: 'dave.okafor@example.com',
      },
      {
        from: '2026-12-02T10:00:00.000Z',
        to: '2026-12-02T20:00:00.000Z',
        level: 1,
        who: 'frank.weber@example.com',
      },
    ]);
  });

  it('includes an occurrence moved into the window from later on, and drops one moved out', () => {
    const text = calendar(
      'BEGIN:VEVENT',
      'UID:weekly',
      'DTSTART:20261102T080000Z',
      'DTEND:20261109T080000Z',
      'RRULE:FREQ=WEEKLY',
      'SUMMARY:alice.moreau@example.com',
      'END:VEVENT',
      // The 21 December shift moved into the window, to 3 December.
      'BEGIN:VEVENT',
      'UID:weekly',
      'RECURRENCE-ID:20261221T080000Z',
      'DTSTART:20261203T080000Z',
      'DTEND:20261203T200000Z',
      'SUMMARY:dave.okafor@example.com',
      'END:VEVENT',
      // The 7 December shift moved out of it.
      'BEGIN:VEVENT',
      'UID:weekly',
      'RECURRENCE-ID:20261207T080000Z',
      'DTSTART:20270104T080000Z',
      'DTEND:20270111T080000Z',
      'SUMMARY:erin.schulz@example.com',
      'END:VEVENT',
    );
    expect(summarize(text, '2026-12-01T00:00:00Z')).toEqual([
      {
        from: '2026-11-23T08:00:00.000Z',
        to: '2026-11-30T08:00:00.000Z',
        level: 1,
        who: 'alice.moreau@example.com',
      },
      {
        from: '2026-11-30T08:00:00.000Z',
        to: '2026-12-07T08:00:00.000Z',
        level: 1,
        who: 'alice.moreau@example.com',
      },
      {
        from: '2026-12-03T08:00:00.000Z',
        to: '2026-12-03T20:00:00.000Z',
        level: 1,
        who: 'dave.okafor@example.com',
      },
    ]);
  });

  it('finds the first email in SUMMARY, then DESCRIPTION, and names the person by a SUMMARY without one', () => {
    const event = (uid: string, ...lines: string[]) => [
      'BEGIN:VEVENT',
      `UID:${uid}`,
      'DTSTART:20261201T080000Z',
      'DTEND:20261202T080000Z',
      ...lines,
      'END:VEVENT',
    ];
    const text = calendar(
      ...event(
        'summary',
        'SUMMARY:On call: <Dave.Okafor@Example.com>; backup erin@example.com',
        'DESCRIPTION:Escalate to frank.weber@example.com',
      ),
      ...event(
        'description',
        'SUMMARY:Jane Roe',
        'DESCRIPTION:Call (jane.roe@example.com).\\nNot @here',
      ),
      ...event('not-an-address', 'SUMMARY:Ping @oncall-payments in Slack'),
    );
    const people = parseFeed(text, around('2026-12-01T12:00:00Z')).shifts.map(
      s => s.people,
    );
    expect(people).toEqual([
      [{ email: 'dave.okafor@example.com' }],
      [{ email: 'jane.roe@example.com', name: 'Jane Roe' }],
      [{ name: 'Ping @oncall-payments in Slack' }],
    ]);
  });

  it('leaves out events without anyone named, and zero-length events', () => {
    const text = calendar(
      'BEGIN:VEVENT',
      'UID:nobody',
      'DTSTART:20261201T080000Z',
      'DTEND:20261202T080000Z',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'UID:instant',
      'DTSTART:20261201T080000Z',
      'SUMMARY:Reminder: hand over',
      'END:VEVENT',
    );
    expect(summarize(text, '2026-12-01T00:00:00Z')).toEqual([]);
  });

  it('stops a runaway rule instead of expanding it forever', () => {
    const text = calendar(
      'BEGIN:VEVENT',
      'UID:every-minute',
      'DTSTART:19900101T000000Z',
      'DTEND:19900101T000100Z',
      'RRULE:FREQ=MINUTELY',
      'SUMMARY:Pager test',
      'END:VEVENT',
    );
    const feed = parseFeed(text, around('2026-12-01T00:00:00Z'));
    expect(feed.shifts).toEqual([]);
    expect(feed.skipped).toEqual([
      'Pager test (every-minute): stopped expanding its recurrence after 10000 occurrences',
    ]);
  });
});
