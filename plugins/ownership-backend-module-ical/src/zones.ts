import ICAL from 'ical.js';
import { DateTime } from 'luxon';
import { param, text } from './values';

type Component = InstanceType<typeof ICAL.Component>;
type Event = InstanceType<typeof ICAL.Event>;
type Time = InstanceType<typeof ICAL.Time>;
type Timezone = InstanceType<typeof ICAL.Timezone>;

/** A local date and time, without a zone. Months count from 1. */
interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** A zone in which local times are read. */
type Zone =
  | { kind: 'utc' }
  | { kind: 'vtimezone'; id: string; tz: Timezone }
  /** `id` as the feed spells it; `iana` as luxon is given it. */
  | { kind: 'iana'; id: string; iana: string };

const UTC: Zone = { kind: 'utc' };

const ianaNames = new Map<string, string | null>();

/**
 * The runtime's own spelling of an IANA zone name (`europe/berlin` is
 * `Europe/Berlin`), or null when it knows no such zone. Only known names
 * reach luxon, whose zone cache never shrinks.
 */
function ianaName(zone: string): string | null {
  let name = ianaNames.get(zone);
  if (name === undefined) {
    try {
      name = new Intl.DateTimeFormat('en-US', {
        timeZone: zone,
      }).resolvedOptions().timeZone;
    } catch {
      name = null;
    }
    // Zone names come from feeds; keep the cache small.
    if (ianaNames.size > 500) {
      ianaNames.clear();
    }
    ianaNames.set(zone, name);
  }
  return name;
}

/** Plain arithmetic: out-of-range fields (a leap second) roll over. */
function wallClockInUtc(wall: WallClock): number {
  return Date.UTC(
    wall.year,
    wall.month - 1,
    wall.day,
    wall.hour,
    wall.minute,
    wall.second,
  );
}

/**
 * The instant a local time stands for in an IANA zone. A local time that
 * does not exist (skipped by a DST change) moves forward by the change; one
 * that occurs twice is read with the offset the zone has at that time in UTC,
 * so the answer never depends on today's date.
 */
function wallClockInZone(wall: WallClock, zone: string): number {
  return DateTime.fromMillis(wallClockInUtc(wall), { zone: 'utc' })
    .setZone(zone, { keepLocalTime: true })
    .toMillis();
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
  const iana = ianaName(id);
  return iana ? { kind: 'iana', id, iana } : undefined;
}

/**
 * The zone of the calendar: `X-WR-TIMEZONE` (Google, Outlook), else the
 * only or first VTIMEZONE, else UTC.
 */
export function calendarZone(calendar: Component): Zone {
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

/** The name a zone goes by in answers: `UTC`, or its TZID. */
export function zoneName(zone: Zone): string {
  return zone.kind === 'utc' ? 'UTC' : zone.id;
}

/** The `TZID` parameter of a date property such as DTSTART. */
export function tzidOf(
  component: Component,
  property: string,
): string | undefined {
  const found = component.getFirstProperty(property);
  return found ? param(found, 'tzid') : undefined;
}

/** Reads the times of a calendar as instants. */
export class TimeReader {
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

  private inZone(wall: WallClock, zone: Zone) {
    switch (zone.kind) {
      case 'utc':
        return wallClockInUtc(wall);
      case 'iana':
        return wallClockInZone(wall, zone.iana);
      default: {
        const local = new ICAL.Time({ ...wall, isDate: false }, zone.tz);
        return local.toUnixTime() * 1000;
      }
    }
  }
}

/**
 * The wall-clock length of an event (DTSTART to DTEND in local time), so
 * that a weekly 09:00 hand-over stays at 09:00 across DST changes even when
 * the first shift spans one. Events whose start and end are in different
 * zones, or that give a DURATION, keep ical.js's duration.
 */
export function nominalDuration(event: Event) {
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
