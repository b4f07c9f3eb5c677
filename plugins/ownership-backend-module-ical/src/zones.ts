/** A local date and time, without a zone. Months count from 1. */
export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat | null>();

function formatter(zone: string): Intl.DateTimeFormat | null {
  let format = formatters.get(zone);
  if (format === undefined) {
    try {
      format = new Intl.DateTimeFormat('en-US', {
        timeZone: zone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      format = null;
    }
    // Zone names come from feeds; keep the cache small.
    if (formatters.size > 500) {
      formatters.clear();
    }
    formatters.set(zone, format);
  }
  return format;
}

/** Whether the runtime knows this IANA zone name, e.g. `Europe/Berlin`. */
export function isIanaZone(zone: string): boolean {
  return formatter(zone) !== null;
}

function asUtc(wall: WallClock): number {
  return Date.UTC(
    wall.year,
    wall.month - 1,
    wall.day,
    wall.hour,
    wall.minute,
    wall.second,
  );
}

/** How far the zone is ahead of UTC at an instant, in milliseconds. */
function offsetAt(epochMs: number, format: Intl.DateTimeFormat): number {
  const parts: Record<string, number> = {};
  for (const part of format.formatToParts(new Date(epochMs))) {
    if (part.type !== 'literal') {
      parts[part.type] = Number(part.value);
    }
  }
  const wall = asUtc({
    year: parts.year,
    month: parts.month,
    day: parts.day,
    hour: parts.hour % 24,
    minute: parts.minute,
    second: parts.second,
  });
  return wall - Math.floor(epochMs / 1000) * 1000;
}

/**
 * The instant a local time stands for in an IANA zone. A local time that
 * does not exist (skipped by a DST change) moves forward by the change.
 */
export function wallClockInZone(wall: WallClock, zone: string): number {
  const format = formatter(zone);
  const guess = asUtc(wall);
  if (!format) {
    return guess;
  }
  const first = guess - offsetAt(guess, format);
  const second = guess - offsetAt(first, format);
  return second;
}

/** The instant a local time stands for in UTC. */
export function wallClockInUtc(wall: WallClock): number {
  return asUtc(wall);
}
