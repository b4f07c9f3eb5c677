import ICAL from 'ical.js';
import {
  DEFAULT_FEED_LIMITS,
  type FeedLimits,
  readShifts,
  type FeedShift,
} from './events';
import { errorMessage, text } from './values';
import { calendarZone, TimeReader, zoneName } from './zones';

type Component = InstanceType<typeof ICAL.Component>;

/** What a feed says about a window of time. */
interface ParsedFeed {
  /** `X-WR-CALNAME`, when the feed names itself. */
  name?: string;
  /** The zone all-day events and floating times are read in, e.g. `Europe/Berlin`. */
  timezone: string;
  /** Occurrences overlapping the window, in no particular order. */
  shifts: FeedShift[];
  /** Events left out because they could not be read, with why. */
  skipped: string[];
  /**
   * What was left unread because the feed went past one of its
   * {@link FeedLimits}; empty when the whole feed was read. The shifts are
   * then those of the part that was read.
   */
  truncated: string[];
}

/**
 * Thrown when a text is not iCalendar at all; the provider names the feed.
 */
export class InvalidCalendarError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidCalendarError';
  }
}

function parseCalendar(input: string): Component {
  const body = input.replace(/^\uFEFF/, '');
  if (!/^\s*BEGIN:VCALENDAR/i.test(body)) {
    const start = body.trim().slice(0, 60).replace(/\s+/g, ' ');
    throw new InvalidCalendarError(
      start
        ? `not iCalendar: it does not start with BEGIN:VCALENDAR but with "${start}"`
        : 'not iCalendar: the feed is empty',
    );
  }
  let jcal: unknown;
  try {
    jcal = ICAL.parse(body);
  } catch (error) {
    throw new InvalidCalendarError(
      `not valid iCalendar: ${errorMessage(error)}`,
    );
  }
  // Several top-level components come back as a list of them.
  const roots = (
    Array.isArray(jcal) && Array.isArray(jcal[0]) ? jcal : [jcal]
  ) as unknown[];
  const root = roots.find(
    c => Array.isArray(c) && String(c[0]).toLowerCase() === 'vcalendar',
  );
  if (!root) {
    throw new InvalidCalendarError('not valid iCalendar: no VCALENDAR');
  }
  return new ICAL.Component(root as any[]);
}

/**
 * Reads an iCalendar text and lists the shifts overlapping `[from, to)`:
 * recurring events expanded (RRULE, RDATE, EXDATE, RECURRENCE-ID overrides),
 * cancelled events and occurrences left out. Never does more than `limits`
 * allow; what it left unread for them is listed in `truncated`.
 *
 * @throws InvalidCalendarError when the text is not iCalendar.
 */
export function parseFeed(
  input: string,
  window: { from: Date; to: Date },
  limits: Partial<FeedLimits> = {},
): ParsedFeed {
  const limit = { ...DEFAULT_FEED_LIMITS, ...limits };
  const calendar = parseCalendar(input);
  const zone = calendarZone(calendar);
  const times = new TimeReader(calendar, zone);
  return {
    name: text(calendar.getFirstPropertyValue('x-wr-calname')),
    timezone: zoneName(zone),
    ...readShifts(calendar, times, window, limit),
  };
}
