import type { Freshness } from '@ownership-portal/plugin-ownership-common';
import { DAY_MS } from '../../time';
import { parseFrontMatter } from '../frontMatter';
import { atxHeading, markdownLines } from '../markdownLines';

const REVIEW_FIELDS = ['last_reviewed', 'last-reviewed', 'reviewed'];

/**
 * A runbook's title and review date, as its text and reader tell them.
 *
 * @public
 */
export interface RunbookReading {
  /** The first heading, or the front matter's title. */
  title?: string;
  /** The review date, `YYYY-MM-DD`. */
  reviewedAt?: string;
  /** Where the review date comes from. */
  reviewedFrom?: 'front-matter' | 'last-modified';
  /** A front matter or date problem worth showing. */
  problem?: string;
}

function toDate(value: unknown): Date | undefined {
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? undefined : value;
  }
  if (typeof value === 'string' && value.trim()) {
    const date = new Date(value.trim());
    return Number.isNaN(date.getTime()) ? undefined : date;
  }
  return undefined;
}

/** The text of the first `# ` heading. */
function firstTitle(body: string): string | undefined {
  for (const line of markdownLines(body)) {
    const heading = atxHeading(line);
    if (heading?.level === 1 && heading.text) {
      return heading.text;
    }
  }
  return undefined;
}

/**
 * The review date of a runbook: a front matter field (`last_reviewed`,
 * `last-reviewed`, `reviewed`), else the reader's last-modified date, else
 * none. Its title: front matter `title`, else the first `# ` heading.
 *
 * @public
 */
export function readRunbook(text: string, lastModified?: Date): RunbookReading {
  const { data, body, error } = parseFrontMatter(text);
  const heading = firstTitle(body);
  const title = typeof data.title === 'string' ? data.title : heading;
  const field = REVIEW_FIELDS.find(f => data[f] !== undefined);
  const reviewed = field ? toDate(data[field]) : undefined;
  const problem =
    error ??
    (field && !reviewed
      ? `front matter ${field} "${String(data[field])}" is not a date`
      : undefined);
  if (reviewed) {
    return {
      title,
      reviewedAt: reviewed.toISOString(),
      reviewedFrom: 'front-matter',
      problem,
    };
  }
  if (lastModified) {
    return {
      title,
      reviewedAt: lastModified.toISOString(),
      reviewedFrom: 'last-modified',
      problem,
    };
  }
  return { title, problem };
}

/**
 * `fresh` within `maxAgeDays` of `now`, `stale` beyond, `unknown` without a date.
 *
 * @public
 */
export function freshnessOf(
  reviewedAt: string | undefined,
  now: Date,
  maxAgeDays: number,
): Freshness {
  if (!reviewedAt) {
    return 'unknown';
  }
  return now.getTime() - Date.parse(reviewedAt) <= maxAgeDays * DAY_MS
    ? 'fresh'
    : 'stale';
}
