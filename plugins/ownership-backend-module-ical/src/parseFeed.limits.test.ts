import { mockServices } from '@backstage/backend-test-utils';
import { calendar, onCallContext } from './__testUtils__/fixtures';
import { ICAL_ANNOTATION, ICalOnCallProvider } from './ICalOnCallProvider';
import { DEFAULT_FEED_LIMITS } from './events';
import { parseFeed } from './parseFeed';

const DAY = 24 * 60 * 60 * 1000;
const NOW = new Date('2026-12-01T12:00:00Z');
const WINDOW = {
  from: new Date(NOW.getTime() - DAY),
  to: new Date(NOW.getTime() + 8 * DAY),
};

function event(uid: string, ...lines: string[]): string[] {
  return [
    'BEGIN:VEVENT',
    `UID:${uid}`,
    ...lines,
    `SUMMARY:${uid}@example.com`,
    'END:VEVENT',
  ];
}

/** A daily hand-over since 2020, on call now. */
function daily(uid: string): string[] {
  return event(
    uid,
    'DTSTART:20200101T090000Z',
    'DTEND:20200102T090000Z',
    'RRULE:FREQ=DAILY',
  );
}

/** A rule no date matches: ical.js would look for its next date forever. */
function impossible(uid: string, freq = 'DAILY'): string[] {
  return event(
    uid,
    'DTSTART:20200101T090000Z',
    'DTEND:20200101T100000Z',
    `RRULE:FREQ=${freq};BYMONTH=2;BYMONTHDAY=30`,
  );
}

function onCallNow(feed: ReturnType<typeof parseFeed>): string[] {
  return feed.shifts
    .filter(s => s.from <= NOW && NOW < s.to)
    .map(s => s.people[0].email!)
    .sort();
}

describe('parseFeed limits', () => {
  it('reads an ordinary feed whole and says nothing is truncated', () => {
    const feed = parseFeed(
      calendar(...daily('alice'), ...daily('bob')),
      WINDOW,
    );
    expect(onCallNow(feed)).toEqual(['alice@example.com', 'bob@example.com']);
    expect(feed.truncated).toEqual([]);
    expect(feed.skipped).toEqual([]);
  });

  it.each(['DAILY', 'HOURLY', 'MINUTELY', 'SECONDLY'])(
    'gives up on a %s rule that matches no date, and reads the rest',
    freq => {
      const started = Date.now();
      const feed = parseFeed(
        calendar(...impossible('never', freq), ...daily('alice')),
        WINDOW,
      );
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(feed.skipped).toEqual([
        `never@example.com (never): its recurrence found no further date within ${DEFAULT_FEED_LIMITS.maxStepsPerEvent} steps`,
      ]);
      expect(onCallNow(feed)).toEqual(['alice@example.com']);
      expect(feed.truncated).toEqual([]);
    },
  );

  it('stops expanding when the feed-wide budget is used up, and says so', () => {
    const uids = Array.from({ length: 10 }, (_, i) => `person${i}`);
    const feed = parseFeed(
      calendar(...uids.flatMap(uid => daily(uid))),
      WINDOW,
      {
        // Each event takes about 2,530 steps to reach the window.
        maxOccurrences: 6_000,
      },
    );
    expect(onCallNow(feed)).toEqual([
      'person0@example.com',
      'person1@example.com',
    ]);
    expect(feed.truncated).toEqual([
      "the feed's budget of 6000 recurrence steps was used up; 8 recurring event(s) were not expanded, or only in part",
    ]);
    expect(feed.skipped).toEqual([]);
  });

  it('bounds many impossible rules by the feed budget, not by their number', () => {
    const text = calendar(
      ...Array.from({ length: 200 }, (_, i) => impossible(`never${i}`)).flat(),
      ...daily('alice'),
    );
    const started = Date.now();
    const feed = parseFeed(text, WINDOW, {
      maxOccurrences: 50_000,
      maxStepsPerEvent: 10_000,
    });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(feed.skipped).toHaveLength(5);
    expect(feed.truncated).toEqual([
      "the feed's budget of 50000 recurrence steps was used up; 196 recurring event(s) were not expanded, or only in part",
    ]);
  });

  it('reads at most maxEvents events, and says how many there were', () => {
    const single = (i: number) =>
      event(`single${i}`, 'DTSTART:20261201T090000Z', 'DTEND:20261202T090000Z');
    const feed = parseFeed(
      calendar(...Array.from({ length: 30 }, (_, i) => single(i)).flat()),
      WINDOW,
      { maxEvents: 20 },
    );
    expect(feed.shifts).toHaveLength(20);
    expect(feed.truncated).toEqual([
      'the feed has 30 events; only the first 20 were read',
    ]);
  });

  it('counts RDATE occurrences against the budget too', () => {
    const rdates = Array.from(
      { length: 3_000 },
      (_, i) =>
        `RDATE:${new Date(Date.UTC(2018, 0, 1) + i * DAY)
          .toISOString()
          .replace(/[-:]|\.\d+/g, '')}`,
    );
    const feed = parseFeed(
      calendar(
        ...event(
          'rdates',
          'DTSTART:20171231T000000Z',
          'DTEND:20171231T010000Z',
          ...rdates,
        ),
        ...daily('alice'),
      ),
      WINDOW,
      { maxOccurrences: 3_000 },
    );
    expect(feed.truncated).toEqual([
      "the feed's budget of 3000 recurrence steps was used up; 1 recurring event(s) were not expanded, or only in part",
    ]);
  });
});

describe('ICalOnCallProvider with a feed past its limits', () => {
  it('logs what was left unread, without the feed URL', async () => {
    const url = 'https://calendar.example.com/ical/secret-token/basic.ics';
    const text = calendar(
      ...Array.from({ length: 10_001 }, (_, i) =>
        event(`s${i}`, 'DTSTART:20261201T090000Z', 'DTEND:20261202T090000Z'),
      ).flat(),
    );
    const logger = mockServices.logger.mock();
    const provider = new ICalOnCallProvider({
      urlReader: mockServices.urlReader.mock({
        readUrl: async () => ({ buffer: async () => Buffer.from(text) }),
      }),
      logger,
    });
    const target = provider.match({
      service: {
        entityRef: 'component:default/payments',
        kind: 'Component',
        annotations: { [ICAL_ANNOTATION]: url },
      },
    })!;
    await provider.resolve(target, onCallContext(NOW.toISOString()));
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining(
        'is larger than its limits allow; the feed has 10001 events; only the first 10000 were read',
      ),
    );
    expect(JSON.stringify(logger.warn.mock.calls)).not.toContain(
      'secret-token',
    );
  });
});
