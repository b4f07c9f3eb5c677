const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const relativeFormat = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });

function toTime(iso: string): number | undefined {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? undefined : time;
}

/**
 * A time relative to now, e.g. `in 3 hours` or `8 months ago`; the ISO string
 * itself when it cannot be parsed.
 */
export function relativeTime(iso: string, now: number = Date.now()): string {
  const time = toTime(iso);
  if (time === undefined) {
    return iso;
  }
  const diff = time - now;
  const abs = Math.abs(diff);
  if (abs < MINUTE) {
    return relativeFormat.format(Math.round(diff / 1000), 'second');
  }
  if (abs < HOUR) {
    return relativeFormat.format(Math.round(diff / MINUTE), 'minute');
  }
  if (abs < DAY) {
    return relativeFormat.format(Math.round(diff / HOUR), 'hour');
  }
  if (abs < 30 * DAY) {
    return relativeFormat.format(Math.round(diff / DAY), 'day');
  }
  if (abs < 365 * DAY) {
    return relativeFormat.format(Math.round(diff / (30 * DAY)), 'month');
  }
  return relativeFormat.format(Math.round(diff / (365 * DAY)), 'year');
}

/** Whole days from an ISO date to now; 0 for dates in the future or unparsable. */
export function ageInDays(iso: string, now: number = Date.now()): number {
  const time = toTime(iso);
  if (time === undefined) {
    return 0;
  }
  return Math.max(0, Math.floor((now - time) / DAY));
}

/** The date part of an ISO date or date-time (`2026-03-14`), unambiguous in every locale. */
export function formatDate(iso: string): string {
  const match = /^\d{4}-\d{2}-\d{2}/.exec(iso);
  if (match) {
    return match[0];
  }
  const time = toTime(iso);
  return time === undefined ? iso : new Date(time).toISOString().slice(0, 10);
}

/** Date and time in the reader's locale, for tooltips and `title` attributes. */
export function formatDateTime(iso: string): string {
  const time = toTime(iso);
  if (time === undefined) {
    return iso;
  }
  return new Date(time).toLocaleString(undefined, {
    dateStyle: 'medium',
    timeStyle: 'short',
  });
}

/**
 * A hand-off time as short as it can be read: the weekday and time within
 * the coming week (`Mon 16:00`), else the date and time (`Dec 14, 16:00`),
 * in the reader's time zone.
 */
export function formatHandOff(iso: string, now: number = Date.now()): string {
  const time = toTime(iso);
  if (time === undefined) {
    return iso;
  }
  const soon = Math.abs(time - now) < 6 * DAY;
  return new Date(time).toLocaleString(undefined, {
    ...(soon ? { weekday: 'short' } : { month: 'short', day: 'numeric' }),
    hour: '2-digit',
    minute: '2-digit',
  });
}

/** True when the ISO date lies before now. */
export function isPast(iso: string, now: number = Date.now()): boolean {
  const time = toTime(iso);
  return time !== undefined && time < now;
}

/**
 * An ISO-8601 duration as people say it: `PT15M` is `15 min`, `PT1H30M` is
 * `1 h 30 min`, a zero duration is `immediately`. Unknown forms are returned
 * as written.
 */
export function formatDuration(iso: string): string {
  const match =
    /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(
      iso,
    );
  if (!match || iso === 'P' || iso.endsWith('T')) {
    return iso;
  }
  const [, weeks, days, hours, minutes, seconds] = match;
  const parts: string[] = [];
  const totalDays = Number(weeks ?? 0) * 7 + Number(days ?? 0);
  if (totalDays) parts.push(`${totalDays} d`);
  if (Number(hours ?? 0)) parts.push(`${Number(hours)} h`);
  if (Number(minutes ?? 0)) parts.push(`${Number(minutes)} min`);
  if (Number(seconds ?? 0)) parts.push(`${Number(seconds)} s`);
  return parts.length ? parts.join(' ') : 'immediately';
}

/** `1 item`, `2 items`. */
export function plural(count: number, singular: string, pluralForm?: string) {
  return `${count} ${count === 1 ? singular : pluralForm ?? `${singular}s`}`;
}
