/** A campaign date in the reader's locale and time zone (`Dec 15, 2026`). */
export function formatDay(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? iso
    : date.toLocaleDateString(undefined, { dateStyle: 'medium' });
}

/** `YYYY-MM-DD` of a date in the reader's time zone, for date inputs. */
export function toDateInput(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(
    date.getDate(),
  )}`;
}

/**
 * The instant a `YYYY-MM-DD` date input means, in the reader's time zone:
 * its first millisecond, or with `endOfDay` its last, as ISO 8601.
 * `undefined` for an empty or malformed value.
 */
export function fromDateInput(
  value: string,
  endOfDay = false,
): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) {
    return undefined;
  }
  const [year, month, day] = match.slice(1).map(Number);
  const date = endOfDay
    ? new Date(year, month - 1, day, 23, 59, 59, 999)
    : new Date(year, month - 1, day);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}
