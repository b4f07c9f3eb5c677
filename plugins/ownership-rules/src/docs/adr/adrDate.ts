import { type HeaderField, section } from './adrHeader';
import type { AdrStatusSource } from './adrStatus';
import { plainText, isPlaceholder } from './adrText';

/**
 * Where an ADR's date was read: `field-line` is a `Date:` line near the
 * title, `date-section` a `## Date` section, `status-line` a date in the
 * status (`Accepted, 2025-09-05`).
 */
export type AdrDateSource =
  | 'front-matter'
  | 'field-line'
  | 'date-section'
  | 'status-line';

const MONTHS = [
  'jan',
  'feb',
  'mar',
  'apr',
  'may',
  'jun',
  'jul',
  'aug',
  'sep',
  'oct',
  'nov',
  'dec',
];
const MONTH_NAME =
  '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const ORDINAL = '(?:st|nd|rd|th)?';

function isoDate(year: number, month: number, day: number) {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (
    date.getUTCFullYear() !== year ||
    date.getUTCMonth() !== month - 1 ||
    date.getUTCDate() !== day
  ) {
    return undefined;
  }
  return date.toISOString().slice(0, 10);
}

/** A date read, a problem with it, or nothing to read. */
type DateResult = { date: string } | { problem: string } | undefined;

const monthOf = (name: string) =>
  MONTHS.indexOf(name.toLowerCase().slice(0, 3)) + 1;

/** Unambiguous date spellings, each with how to read year, month and day. */
const DATE_FORMATS: Array<
  [RegExp, (m: RegExpExecArray) => [number, number, number]]
> = [
  // 2021-03-04, 2021/03/04, 2021.03.04, also with a time
  [
    /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T\s]\d{1,2}:\d{2}.*)?$/,
    m => [+m[1], +m[2], +m[3]],
  ],
  // 20210304
  [/^(\d{4})(\d{2})(\d{2})$/, m => [+m[1], +m[2], +m[3]]],
  // 04.03.2021: dotted dates are written day first
  [/^(\d{1,2})\.(\d{1,2})\.(\d{4})$/, m => [+m[3], +m[2], +m[1]]],
  // March 4, 2021
  [
    new RegExp(
      `^${MONTH_NAME}\\.?\\s+(\\d{1,2})${ORDINAL},?\\s+(\\d{4})$`,
      'i',
    ),
    m => [+m[3], monthOf(m[1]), +m[2]],
  ],
  // 4 March 2021
  [
    new RegExp(
      `^(\\d{1,2})${ORDINAL}\\.?\\s+${MONTH_NAME}\\.?,?\\s+(\\d{4})$`,
      'i',
    ),
    m => [+m[3], monthOf(m[2]), +m[1]],
  ],
];

/**
 * Reads a decision date. Accepts `2021-03-04` (also with a time, or `/` or
 * `.` between the parts), `20210304`, `04.03.2021` (day first, as dotted
 * dates are written), `March 4, 2021` and `4 March 2021`. `03/04/2021` is
 * ambiguous and reported, as is anything else.
 */
export function parseAdrDate(value: unknown): DateResult {
  if (value === undefined || value === null) {
    return undefined;
  }
  if (value instanceof Date) {
    return isNaN(value.getTime())
      ? { problem: 'the date is not a valid date' }
      : { date: value.toISOString().slice(0, 10) };
  }
  const text = plainText(String(value));
  if (!text || isPlaceholder(String(value))) {
    return undefined;
  }
  const write = 'write it as YYYY-MM-DD';
  for (const [pattern, toDate] of DATE_FORMATS) {
    const m = pattern.exec(text);
    if (m) {
      const [year, month, day] = toDate(m);
      const date = isoDate(year, month, day);
      return date
        ? { date }
        : { problem: `date "${text}" is not a valid date; ${write}` };
    }
  }
  if (/^\d{1,2}[/-]\d{1,2}[/-]\d{2,4}$/.test(text)) {
    return {
      problem: `date "${text}" is ambiguous (day or month first?); ${write}`,
    };
  }
  return { problem: `date "${text}" is not a date; ${write}` };
}

/**
 * The decision date: front matter, else a `Date:` line, else a `## Date`
 * section, else a date in a status line (`Status: Accepted, 2025-09-05`),
 * else none: the file's modification time says when it was checked out,
 * not when anything was decided. A date that cannot be read is a problem.
 */
export function readAdrDate(
  header: {
    data: Record<string, unknown>;
    field: HeaderField;
    /** The document's lines outside code. */
    lines: string[];
  },
  status: { statusFrom?: AdrStatusSource; rawStatus?: string },
  problems: string[],
): { date?: string; dateFrom?: AdrDateSource } {
  const { data, field, lines } = header;
  const { statusFrom, rawStatus } = status;
  let dateResult: DateResult;
  let dateFrom: AdrDateSource | undefined;
  const dateSection = section(lines, /^date\s*(?::.*)?$/i);
  const sectionDate =
    dateSection?.inline ?? dateSection?.lines.find(l => l.trim());
  const dateField = field('date');
  const statusLineDate =
    statusFrom === 'field-line' || statusFrom === 'status-section'
      ? /\b(\d{4}-\d{2}-\d{2})\b/.exec(rawStatus ?? '')?.[1]
      : undefined;
  if (data.date !== undefined && data.date !== null && data.date !== '') {
    dateResult = parseAdrDate(data.date);
    dateFrom = 'front-matter';
  }
  if (!dateResult && dateField) {
    dateResult = parseAdrDate(dateField.value);
    dateFrom = 'field-line';
  }
  if (!dateResult && sectionDate) {
    dateResult = parseAdrDate(sectionDate);
    dateFrom = 'date-section';
  }
  if (!dateResult && statusLineDate) {
    dateResult = parseAdrDate(statusLineDate);
    dateFrom = 'status-line';
  }
  if (dateResult && 'date' in dateResult) {
    return { date: dateResult.date, dateFrom };
  }
  if (dateResult) {
    problems.push(dateResult.problem);
  }
  return {};
}
