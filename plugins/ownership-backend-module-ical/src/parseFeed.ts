import ICAL from 'ical.js';
import { countSteps, RecurrenceStepsExceededError } from './recurrenceSteps';
import { isIanaZone, wallClockInUtc, wallClockInZone } from './zones';

type Component = InstanceType<typeof ICAL.Component>;
type Event = InstanceType<typeof ICAL.Event>;
type Time = InstanceType<typeof ICAL.Time>;
type Timezone = InstanceType<typeof ICAL.Timezone>;

/** Someone named by an event, before mapping to the catalog. */
export interface FeedPerson {
  /** Lower-case email, when the event gives one. */
  email?: string;
  /** The `CN` of an attendee or organizer, or the event's SUMMARY. */
  name?: string;
}

/** One occurrence of an event, with recurrence expanded. */
export interface FeedShift {
  from: Date;
  to: Date;
  /** Escalation level, from markers in SUMMARY or CATEGORIES; 1 by default. */
  level: number;
  /** Who is on call; never empty. */
  people: FeedPerson[];
  summary?: string;
}

/** What a feed says about a window of time. */
export interface ParsedFeed {
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
 * How much work one feed may cause, so that a hostile or runaway feed cannot
 * hold the backend: recurrence is expanded from each event's start, one
 * candidate date at a time.
 */
export interface FeedLimits {
  /** Events (VEVENTs, overrides included) read; later ones are left out. */
  maxEvents: number;
  /**
   * Recurrence steps for the whole feed: every occurrence expanded and every
   * candidate date a rule tries counts one. When they are used up, the
   * remaining recurring events are not expanded.
   */
  maxOccurrences: number;
  /** Occurrences of one event, before the window ends. */
  maxOccurrencesPerEvent: number;
  /** Recurrence steps of one event; bounds rules that match no date at all. */
  maxStepsPerEvent: number;
}

/** The limits {@link parseFeed} applies unless told otherwise. */
export const DEFAULT_FEED_LIMITS: FeedLimits = {
  maxEvents: 10_000,
  maxOccurrences: 100_000,
  maxOccurrencesPerEvent: 10_000,
  maxStepsPerEvent: 20_000,
};

const DAY_MS = 24 * 60 * 60 * 1000;

/** A zone in which local times are read. */
type Zone =
  | { kind: 'utc' }
  | { kind: 'vtimezone'; id: string; tz: Timezone }
  | { kind: 'iana'; id: string };

const UTC: Zone = { kind: 'utc' };

/**
 * Thrown when a text is not iCalendar at all; the provider names the feed.
 */
export class InvalidCalendarError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidCalendarError';
  }
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function text(value: unknown): string | undefined {
  if (typeof value !== 'string') {
    return undefined;
  }
  const trimmed = value.trim();
  return trimmed || undefined;
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
 * The zone of the calendar: `X-WR-TIMEZONE` (Google, Outlook), else the
 * only or first VTIMEZONE, else UTC.
 */
function calendarZone(calendar: Component): Zone {
  const named = text(calendar.getFirstPropertyValue('x-wr-timezone'));
  if (named) {
    const zone = zoneById(calendar, named);
    if (zone) {
      return zone;
    }
  }
  for (const vtimezone of calendar.getAllSubcomponents('vtimezone')) {
    const id = text(vtimezone.getFirstPropertyValue('tzid'));
    const zone = id ? zoneById(calendar, id) : undefined;
    if (zone) {
      return zone;
    }
  }
  return UTC;
}

function zoneById(calendar: Component, id: string): Zone | undefined {
  if (/^(utc|gmt|z|etc\/utc|etc\/gmt)$/i.test(id)) {
    return UTC;
  }
  let tz: Timezone | null = null;
  try {
    tz = calendar.getTimeZoneByID(id);
  } catch {
    tz = null;
  }
  if (tz) {
    return { kind: 'vtimezone', id, tz };
  }
  return isIanaZone(id) ? { kind: 'iana', id } : undefined;
}

function zoneName(zone: Zone): string {
  return zone.kind === 'utc' ? 'UTC' : zone.id;
}

class TimeReader {
  constructor(private readonly calendar: Component, readonly zone: Zone) {}

  /** The instant in milliseconds, reading local times in the right zone. */
  epoch(time: Time, tzid?: string): number {
    const wall = {
      year: time.year,
      month: time.month,
      day: time.day,
      hour: time.isDate ? 0 : time.hour,
      minute: time.isDate ? 0 : time.minute,
      second: time.isDate ? 0 : time.second,
    };
    if (time.isDate) {
      // All-day events cover their whole days in the calendar's zone.
      return this.inZone(wall, this.zone);
    }
    const zone = time.zone;
    if (zone && zone.tzid === 'UTC') {
      return wallClockInUtc(wall);
    }
    if (zone && zone.tzid !== 'floating' && zone.component) {
      // Resolved from the feed's own VTIMEZONE.
      return time.toUnixTime() * 1000;
    }
    // A TZID the feed does not define (an IANA name, hopefully), or a
    // floating time: read it in that zone, else the calendar's.
    const named = tzid ? zoneById(this.calendar, tzid) : undefined;
    return this.inZone(wall, named ?? this.zone);
  }

  private inZone(wall: Parameters<typeof wallClockInUtc>[0], zone: Zone) {
    switch (zone.kind) {
      case 'utc':
        return wallClockInUtc(wall);
      case 'iana':
        return wallClockInZone(wall, zone.id);
      default: {
        const local = new ICAL.Time({ ...wall, isDate: false }, zone.tz);
        return local.toUnixTime() * 1000;
      }
    }
  }
}

function tzidOf(component: Component, property: string): string | undefined {
  const value = component.getFirstProperty(property)?.getParameter('tzid');
  return text(Array.isArray(value) ? value[0] : value);
}

function isCancelled(component: Component): boolean {
  return (
    String(component.getFirstPropertyValue('status') ?? '').toUpperCase() ===
    'CANCELLED'
  );
}

const LEVEL_MARKERS: Array<[RegExp, (m: RegExpMatchArray) => number]> = [
  [/\b(?:level|lvl|tier)[\s_-]*(\d{1,2})\b/i, m => Number(m[1])],
  [/\bL([1-9])\b/i, m => Number(m[1])],
  [/\b(?:primary)\b/i, () => 1],
  [/\b(?:secondary|backup)\b/i, () => 2],
  [/\b(?:tertiary)\b/i, () => 3],
];

/**
 * The escalation level an event names in its SUMMARY or CATEGORIES:
 * `level 2`, `lvl-2`, `tier 2`, `L2`, `secondary`/`backup` (2),
 * `tertiary` (3), `primary` (1); else 1.
 */
export function levelOf(summary: string | undefined, categories: string[]) {
  for (const source of [summary ?? '', ...categories]) {
    for (const [pattern, level] of LEVEL_MARKERS) {
      const match = source.match(pattern);
      if (match) {
        const value = level(match);
        if (value >= 1) {
          return value;
        }
      }
    }
  }
  return 1;
}

/** A whole email address; anchored, so that it runs in linear time. */
const EMAIL =
  /^[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$/;

function asEmail(candidate: string | undefined): string | undefined {
  const address = candidate
    ?.trim()
    .replace(/^mailto:/i, '')
    .replace(/\.+$/, '');
  return address && address.length <= 254 && EMAIL.test(address)
    ? address.toLowerCase()
    : undefined;
}

/** The first email address in free text, such as a SUMMARY. */
function findEmail(source: string | undefined): string | undefined {
  if (!source?.includes('@')) {
    return undefined;
  }
  for (const token of source.split(/[\s<>()[\]{}"',;:]+/)) {
    const email = token.includes('@') ? asEmail(token) : undefined;
    if (email) {
      return email;
    }
  }
  return undefined;
}

function param(
  property: { getParameter(name: string): unknown },
  name: string,
) {
  const value = property.getParameter(name);
  return text(Array.isArray(value) ? value[0] : value);
}

function personOf(property: {
  getFirstValue(): unknown;
  getParameter(name: string): unknown;
}): FeedPerson | undefined {
  const email =
    asEmail(String(property.getFirstValue() ?? '')) ??
    asEmail(param(property, 'email'));
  if (!email) {
    return undefined;
  }
  return { email, name: param(property, 'cn') };
}

/**
 * Who an event puts on call: its attendees (all of them, at the event's
 * level), else its organizer, else the first email in SUMMARY or DESCRIPTION
 * (named by the SUMMARY when that holds no address), else the SUMMARY as a
 * name. Attendees who declined, non-participants, rooms and
 * resources are left out, and so is the organizer when listed among other
 * attendees (calendar tools often add the event's creator).
 */
export function peopleOf(component: Component): FeedPerson[] {
  const organizerProperty = component.getFirstProperty('organizer');
  const organizer = organizerProperty ? personOf(organizerProperty) : undefined;

  const attendees: FeedPerson[] = [];
  for (const property of component.getAllProperties('attendee')) {
    const partstat = param(property, 'partstat')?.toUpperCase();
    const role = param(property, 'role')?.toUpperCase();
    const cutype = param(property, 'cutype')?.toUpperCase();
    if (
      partstat === 'DECLINED' ||
      role === 'NON-PARTICIPANT' ||
      cutype === 'ROOM' ||
      cutype === 'RESOURCE'
    ) {
      continue;
    }
    const person = personOf(property);
    if (person && !attendees.some(a => a.email === person.email)) {
      attendees.push(person);
    }
  }
  const others = attendees.filter(a => a.email !== organizer?.email);
  if (others.length) {
    return others;
  }
  if (attendees.length) {
    return attendees;
  }
  if (organizer) {
    return [organizer];
  }
  const summary = text(component.getFirstPropertyValue('summary'));
  for (const source of [
    summary,
    text(component.getFirstPropertyValue('description')),
  ]) {
    const email = findEmail(source);
    if (email) {
      // A SUMMARY without the address is likely the person's name.
      const name = summary && !summary.includes('@') ? summary : undefined;
      return [{ email, ...(name ? { name } : {}) }];
    }
  }
  return summary ? [{ name: summary }] : [];
}

function categoriesOf(component: Component): string[] {
  return component
    .getAllProperties('categories')
    .flatMap(property => property.getValues())
    .map(value => String(value));
}

/**
 * The wall-clock length of an event (DTSTART to DTEND in local time), so
 * that a weekly 09:00 hand-over stays at 09:00 across DST changes even when
 * the first shift spans one. Events whose start and end are in different
 * zones, or that give a DURATION, keep ical.js's duration.
 */
function nominalDuration(event: Event) {
  const start = event.startDate;
  const end = event.component.getFirstPropertyValue('dtend') as Time | null;
  if (!end || start.isDate !== end.isDate || start.zone !== end.zone) {
    return event.duration;
  }
  const wall = (t: Time) =>
    wallClockInUtc({
      year: t.year,
      month: t.month,
      day: t.day,
      hour: t.hour,
      minute: t.minute,
      second: t.second,
    });
  return ICAL.Duration.fromSeconds(
    Math.round((wall(end) - wall(start)) / 1000),
  );
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
  const windowFrom = window.from.getTime();
  const windowTo = window.to.getTime();
  const shifts: FeedShift[] = [];
  const skipped: string[] = [];
  const truncated: string[] = [];

  /** `endFromStart`: the end was computed from the start, in its zone. */
  const add = (
    start: Time,
    end: Time,
    component: Component,
    endFromStart = false,
  ) => {
    if (isCancelled(component)) {
      return;
    }
    const startTzid = tzidOf(component, 'dtstart');
    const from = times.epoch(start, startTzid);
    const to = times.epoch(
      end,
      endFromStart ? startTzid : tzidOf(component, 'dtend') ?? startTzid,
    );
    if (to <= from || to <= windowFrom || from >= windowTo) {
      return;
    }
    const people = peopleOf(component);
    if (!people.length) {
      return;
    }
    const summary = text(component.getFirstPropertyValue('summary'));
    shifts.push({
      from: new Date(from),
      to: new Date(to),
      level: levelOf(summary, categoriesOf(component)),
      people,
      summary,
    });
  };

  const allEvents = calendar.getAllSubcomponents('vevent');
  const vevents = allEvents.slice(0, limit.maxEvents);
  if (allEvents.length > vevents.length) {
    truncated.push(
      `the feed has ${allEvents.length} events; only the first ${vevents.length} were read`,
    );
  }
  const overrides = new Map<string, Component[]>();
  const masters: Component[] = [];
  for (const vevent of vevents) {
    const uid = text(vevent.getFirstPropertyValue('uid')) ?? '';
    if (vevent.hasProperty('recurrence-id')) {
      overrides.set(uid, [...(overrides.get(uid) ?? []), vevent]);
    } else {
      masters.push(vevent);
    }
  }
  const masterUids = new Set(
    masters.map(m => text(m.getFirstPropertyValue('uid')) ?? ''),
  );

  const describe = (component: Component, error: unknown) =>
    `${text(component.getFirstPropertyValue('summary')) ?? 'an event'} (${
      text(component.getFirstPropertyValue('uid')) ?? 'no UID'
    }): ${errorMessage(error)}`;

  /** Expands one recurring event; returns how many occurrences it read. */
  const expand = (component: Component, event: Event): number => {
    const duration = nominalDuration(event);
    const startTzid = tzidOf(component, 'dtstart');
    // Occurrences that end well before the window are skipped without
    // looking them up, unless an override may have moved them.
    const reach = duration.toSeconds() * 1000 + DAY_MS;
    const overridden = new Set(
      Object.values(event.exceptions).map(override =>
        times.epoch(
          override.recurrenceId,
          tzidOf(override.component, 'recurrence-id'),
        ),
      ),
    );
    const ranged = event.rangeExceptions.length > 0;
    const iterator = event.iterator();
    let last: Time | undefined;
    let expanded = 0;
    for (; expanded < limit.maxOccurrencesPerEvent; expanded++) {
      const occurrence = iterator.next();
      if (!occurrence) {
        break;
      }
      const at = times.epoch(occurrence, startTzid);
      if (at >= windowTo) {
        last = occurrence;
        break;
      }
      if (at + reach < windowFrom && !ranged && !overridden.has(at)) {
        continue;
      }
      const details = event.getOccurrenceDetails(occurrence);
      if (details.item === event) {
        const end = occurrence.clone();
        end.addDuration(duration);
        add(occurrence, end, component, true);
      } else {
        add(details.startDate, details.endDate, details.item.component);
      }
    }
    if (expanded >= limit.maxOccurrencesPerEvent) {
      skipped.push(
        describe(
          component,
          `stopped expanding its recurrence after ${limit.maxOccurrencesPerEvent} occurrences`,
        ),
      );
    }
    // Overrides of later occurrences that were moved into the window.
    if (last) {
      for (const override of Object.values(event.exceptions)) {
        if (override.recurrenceId.compare(last) >= 0) {
          add(override.startDate, override.endDate, override.component);
        }
      }
    }
    return expanded;
  };

  let stepsLeft = limit.maxOccurrences;
  let unexpanded = 0;
  for (const component of masters) {
    try {
      if (isCancelled(component)) {
        continue;
      }
      if (!component.hasProperty('dtstart')) {
        throw new Error('no DTSTART');
      }
      const uid = text(component.getFirstPropertyValue('uid')) ?? '';
      // Relate only this series' overrides: by default ical.js relates every
      // override in the calendar, whatever its UID.
      const event = new ICAL.Event(component, {
        strictExceptions: true,
        exceptions: overrides.get(uid) ?? [],
      });
      if (!event.isRecurring()) {
        add(event.startDate, event.endDate, component);
        continue;
      }
      if (stepsLeft <= 0) {
        unexpanded++;
        continue;
      }
      const allowed = Math.min(limit.maxStepsPerEvent, stepsLeft);
      try {
        const { value: expanded, steps } = countSteps(allowed, () =>
          expand(component, event),
        );
        // RDATEs take no rule steps, but each occurrence is work all the same.
        stepsLeft -= Math.max(steps, expanded);
      } catch (error) {
        if (!(error instanceof RecurrenceStepsExceededError)) {
          throw error;
        }
        stepsLeft -= allowed;
        if (allowed < limit.maxStepsPerEvent) {
          unexpanded++;
        } else {
          skipped.push(describe(component, error));
        }
      }
    } catch (error) {
      skipped.push(describe(component, error));
    }
  }
  if (unexpanded) {
    truncated.push(
      `the feed's budget of ${limit.maxOccurrences} recurrence steps was used up; ${unexpanded} recurring event(s) were not expanded, or only in part`,
    );
  }

  // Overrides whose series is not in the feed stand on their own.
  for (const [uid, components] of overrides) {
    if (masterUids.has(uid)) {
      continue;
    }
    for (const component of components) {
      try {
        const event = new ICAL.Event(component);
        add(event.startDate, event.endDate, component);
      } catch (error) {
        skipped.push(describe(component, error));
      }
    }
  }

  return {
    name: text(calendar.getFirstPropertyValue('x-wr-calname')),
    timezone: zoneName(zone),
    shifts,
    skipped,
    truncated,
  };
}
