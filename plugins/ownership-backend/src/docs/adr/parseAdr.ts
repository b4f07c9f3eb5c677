import type {
  AdrInfo,
  AdrStatus,
} from '@ownership-portal/plugin-ownership-common';
import { parseFrontMatter } from '../frontMatter';
import {
  atxHeading,
  markdownLines,
  normaliseNewlines,
  stripHtmlComments,
} from '../markdownLines';

/** One markdown file to read as an ADR. */
export interface AdrSource {
  /** File name, e.g. `0003-use-postgresql.md`. */
  file: string;
  url: string;
  text: string;
  /**
   * The reader's last-modified date. Never taken as the decision date: a
   * checkout or redeploy resets it.
   */
  lastModified?: Date;
}

/** An ADR as read from its file, with where its fields came from. */
export interface ParsedAdr extends AdrInfo {
  /** What is wrong with the file; empty when nothing is. */
  problems: string[];
  /** `heading` (`# Title`), `front-matter` (`title:`) or `file-name` when it has neither. */
  titleFrom: 'heading' | 'front-matter' | 'file-name';
  /** Absent when the file names no status. */
  statusFrom?: 'front-matter' | 'field-line' | 'status-section';
  /**
   * `field-line` is a `Date:` line near the title, `date-section` a
   * `## Date` section, `status-line` a date in the status (`Accepted,
   * 2025-09-05`); absent when the record states no date (undated).
   */
  dateFrom?: 'front-matter' | 'field-line' | 'date-section' | 'status-line';
  /** MADR 3/4 `consulted`. */
  consulted?: string[];
  /** MADR 3/4 `informed`. */
  informed?: string[];
}

const STATUS_WORDS: Array<[RegExp, AdrStatus]> = [
  [/^(?:superseded|superceded|replaced)\b/, 'superseded'],
  [/^(?:not accepted|rejected|declined|refused)\b/, 'rejected'],
  [/^(?:proposed|proposal|draft|pending|in review|under review)\b/, 'proposed'],
  [
    /^(?:accepted|approved|done|decided|adopted|agreed|implemented)\b/,
    'accepted',
  ],
  [/^(?:deprecated|obsolete|retired)\b/, 'deprecated'],
];

const FIELD_KEYS =
  'status|date|deciders|decision[- ]makers|consulted|informed|supersedes|supercedes|superseded[- ]by|superceded[- ]by';
/**
 * `* Status: accepted`, `- **Date:** 2020-05-01`, `Deciders: a, b`, and
 * blockquoted `> **Status: Accepted, 2026-01-20.**`.
 */
const FIELD_LINE = new RegExp(
  `^\\s{0,3}(?:>\\s?)?(?:[*+-]\\s+)?(?:\\*\\*|__)?(${FIELD_KEYS})(?:\\*\\*|__)?\\s*:\\s*(?:\\*\\*|__)?\\s*(.*)$`,
  'is',
);
/** `Supersedes [2. Use X](0002-use-x.md)` anywhere outside code. */
const SUPERSEDES_LINE =
  /^\s{0,3}(?:[*+-]\s+)?(?:\*\*|__)?(supersedes|supercedes|replaces)(?:\*\*|__)?\s*:?\s*(?:\*\*|__)?\s*(.+)$/is;
const FENCE = /^\s{0,3}(```|~~~)/;
/**
 * `[label](target "title")`. Label, target and title stop at the next `[`,
 * so that no match attempt rescans the text after another `[`; run it on
 * text whose whitespace is collapsed ({@link flat}).
 */
const LINK = /!?\[([^\][]*)\]\(\s*<?([^)\s>[]*)>?(?:\s+"[^"[]*")?\s*\)/g;
const HAS_LINK = /\[[^\][]*\]\([^)[]*\)/;
/** `Amends [1. X](0001-x.md)`, `Clarified by [..](..)`: adr-tools link lines. */
const RELATION_LINE = /^\s*(?:[*+-]\s+)?[\p{L} ]{1,40}\[[^\]]*\]\([^)]*\)\s*$/u;
/** Lines of the title block that may hold `Status:`/`Date:` fields. */
const TOP_LINES = 40;

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

/** Whitespace runs as one space: bounds the backtracking of `\s*` patterns. */
function flat(text: string): string {
  return text.replace(/\s+/g, ' ');
}

/** Link text instead of markdown links, no emphasis, code or strike marks. */
function plainText(text: string): string {
  return flat(text)
    .replace(LINK, '$1')
    .replace(/[*_`]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Template placeholders such as `{YYYY-MM-DD …}` or `[list everyone …]`. */
function isPlaceholder(value: string): boolean {
  const v = value.trim();
  return (
    /^\{.*\}$/.test(v) ||
    (/^\[.*\]$/.test(v) && /[|…]|\.\.\.|\blist\b|yyyy/i.test(v))
  );
}

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

/** `0005-use-x.md` from `./0005-use-x.md#status`; the text when it is no link. */
function refsIn(text: string): string[] {
  const targets = [...flat(text).matchAll(LINK)]
    .map(([, label, target]) => {
      const path = target.replace(/[?#].*$/, '').replace(/^\.\//, '');
      let decoded = path;
      try {
        decoded = decodeURIComponent(path);
      } catch {
        // keep it as written
      }
      return decoded || plainText(label);
    })
    .filter(Boolean);
  if (targets.length) {
    return targets;
  }
  return plainText(text)
    .split(/\s*[,;]\s*|\s+and\s+/)
    .map(s => s.replace(/[.:]+$/, '').trim())
    .filter(Boolean);
}

/** Normalises a status as written; `superseded by X` also gives X. */
export function normaliseAdrStatus(value: string): {
  status: AdrStatus;
  supersededBy?: string;
  written: string;
} {
  const written = plainText(value.replace(/~~[^~]*~~/g, ''))
    .replace(/^[^\p{L}]+/u, '')
    .trim();
  const lower = written.toLowerCase();
  for (const [pattern, status] of STATUS_WORDS) {
    if (pattern.test(lower)) {
      if (status !== 'superseded') {
        return { status, written };
      }
      const by = /^\S+(?:\s+by\b)?\s*:?\s*(.*)$/is.exec(
        value
          .replace(/~~[^~]*~~/g, '')
          .replace(/^[^\p{L}]+/u, '')
          .trim(),
      )?.[1];
      const [supersededBy] = by ? refsIn(by) : [];
      return { status, written, ...(supersededBy && { supersededBy }) };
    }
  }
  return { status: 'unknown', written };
}

/** A list of people from YAML (a list or `a, b and c`) or a field line. */
function people(value: unknown): string[] | undefined {
  let items: unknown[] = [];
  if (Array.isArray(value)) {
    items = value;
  } else if (typeof value === 'string' && !isPlaceholder(value)) {
    items = flat(value).split(/\s*[,;]\s*|\s+and\s+|\s+&\s+/);
  }
  const names = items
    .filter(v => typeof v === 'string' || typeof v === 'number')
    .map(v => plainText(String(v)).replace(/^\[\s*|\s*\]$/g, ''))
    .filter(v => v && !isPlaceholder(v));
  return names.length ? names : undefined;
}

function refList(value: unknown): string[] {
  const items = Array.isArray(value) ? value : [value];
  return items
    .filter(v => typeof v === 'string' || typeof v === 'number')
    .flatMap(v => refsIn(String(v)))
    .filter(v => !isPlaceholder(v));
}

/** `Use PostgreSQL` from `3. Use PostgreSQL`, `0003 - Use …`, `ADR-0003: Use …`. */
function stripNumber(title: string): string {
  const stripped = title
    .replace(/^ADR[\s#-]*\d+\s*(?:[.:)–—-]\s*|\s)/i, '')
    .replace(/^\d+(?:\.\s+|\s*[:)]\s+|\s+[–—-]\s+)/, '')
    .trim();
  return stripped || title;
}

/** `Use PostgreSQL` from `0003-use-postgresql.md`. */
function titleFromFile(file: string): string {
  const words = file
    .replace(/\.md$/i, '')
    .replace(/^\d+[-_ ]*/, '')
    .replace(/[-_]+/g, ' ')
    .trim();
  return words ? words[0].toUpperCase() + words.slice(1) : file;
}

interface FieldLine {
  key: string;
  value: string;
  /** Indented `- item` lines below an empty value (YAML lists). */
  items: string[];
}

/** `Status:`-style lines of the title block. */
function fieldLines(lines: string[]): Map<string, FieldLine> {
  const fields = new Map<string, FieldLine>();
  for (let i = 0; i < lines.length; i++) {
    const m = FIELD_LINE.exec(lines[i]);
    if (!m) {
      continue;
    }
    const key = m[1]
      .toLowerCase()
      .replace(/\s+/g, '-')
      .replace('superced', 'supersed')
      .replace('decision-makers', 'deciders');
    const items: string[] = [];
    while (!m[2].trim() && /^\s+[*+-]\s+\S/.test(lines[i + 1] ?? '')) {
      items.push(lines[++i].replace(/^\s+[*+-]\s+/, '').trim());
    }
    if (!fields.has(key)) {
      fields.set(key, { key, value: m[2].trim(), items });
    }
  }
  return fields;
}

/** The lines of the first `## <name>` section, without the heading. */
function section(
  lines: string[],
  name: RegExp,
): { inline?: string; lines: string[] } | undefined {
  const start = lines.findIndex(line => {
    const h = atxHeading(line);
    return h && h.level >= 2 && name.test(h.text);
  });
  if (start < 0) {
    return undefined;
  }
  const inline = /:\s*(.+)$/s.exec(atxHeading(lines[start])!.text)?.[1];
  const end = lines.findIndex((line, i) => i > start && atxHeading(line));
  return {
    ...(inline && { inline }),
    lines: lines.slice(start + 1, end < 0 ? undefined : end),
  };
}

/**
 * Reads one ADR in any of the common formats: MADR 3/4 (YAML front matter
 * `status`, `date`, `deciders`/`decision-makers`), MADR 2 (`* Status:` lines
 * under the title) and Nygard/adr-tools (`Date:` line, `## Status` section
 * with `Superseded by`/`Supersedes` links). Never throws: what cannot be
 * read is a problem.
 */
export function parseAdr(source: AdrSource): ParsedAdr {
  const problems: string[] = [];
  const fm = parseFrontMatter(source.text);
  const data = fm.error ? {} : fm.data;
  if (fm.error) {
    problems.push(fm.error);
  }

  // The lines of the document outside code blocks, without HTML comments.
  const lines: string[] = [];
  let fenced = false;
  for (const line of markdownLines(stripHtmlComments(fm.body))) {
    if (FENCE.test(line)) {
      fenced = !fenced;
    } else if (!fenced) {
      lines.push(line);
    }
  }

  // Title: the first `# ` heading (or setext `===`), else front matter `title`.
  let headingTitle: string | undefined;
  for (let i = 0; i < lines.length && !headingTitle; i++) {
    const h = atxHeading(lines[i]);
    if (h && h.level === 1 && h.text) {
      headingTitle = h.text;
    } else if (lines[i].trim() && /^\s{0,3}=+\s*$/.test(lines[i + 1] ?? '')) {
      headingTitle = lines[i].trim();
    }
  }
  const fmTitle = typeof data.title === 'string' ? data.title : undefined;
  const rawTitle = headingTitle ?? fmTitle;
  const title = rawTitle ? stripNumber(plainText(rawTitle)) : undefined;
  if (!title) {
    problems.push('no "# " title; the file name is used');
  }

  // Field lines of the title block: up to the first `##` section. A malformed
  // front matter is read the same way, line by line.
  const firstSection = lines.findIndex(line => {
    const h = atxHeading(line);
    return h && h.level >= 2;
  });
  let top = lines.slice(
    0,
    Math.min(firstSection < 0 ? lines.length : firstSection, TOP_LINES),
  );
  if (fm.error) {
    const fence = /^\uFEFF?---[ \t]*\n([\s\S]*?)\n(?:---|\.\.\.)/.exec(
      normaliseNewlines(source.text),
    );
    // Not `top.unshift(...lines)`: spreading a long front matter into
    // arguments overflows the stack.
    top = (fence ? markdownLines(fence[1]) : []).concat(top);
  }
  const fields = fieldLines(top);
  const field = (key: string) => {
    const f = fields.get(key);
    return f && (f.value || f.items.length) && !isPlaceholder(f.value)
      ? f
      : undefined;
  };

  // Status: front matter, else a `Status:` line, else the `## Status` section.
  const statusSection = section(lines, /^status\s*(?::.*)?$/i);
  const sectionLines = (statusSection?.lines ?? []).filter(l => l.trim());
  let rawStatus: string | undefined;
  let statusFrom: ParsedAdr['statusFrom'];
  if (data.status !== undefined && data.status !== null) {
    if (typeof data.status === 'string' && !isPlaceholder(data.status)) {
      rawStatus = data.status;
      statusFrom = 'front-matter';
    } else if (typeof data.status !== 'string') {
      problems.push('front matter "status" is not text');
    }
  }
  if (!rawStatus && field('status')) {
    rawStatus = field('status')!.value;
    statusFrom = 'field-line';
  }
  if (!rawStatus && statusSection) {
    // The first line with a known status word; else the first line that is
    // not a link to another ADR (`Amends [..](..)`).
    rawStatus =
      statusSection.inline ??
      sectionLines.find(l => normaliseAdrStatus(l).status !== 'unknown') ??
      sectionLines.find(l => !RELATION_LINE.test(l));
    statusFrom = rawStatus ? 'status-section' : undefined;
  }
  let status: AdrStatus = 'unknown';
  let supersededBy: string | undefined;
  if (rawStatus) {
    const normalised = normaliseAdrStatus(rawStatus);
    status = normalised.status;
    supersededBy = normalised.supersededBy;
    if (status === 'unknown') {
      const written =
        normalised.written.length > 60
          ? `${normalised.written.slice(0, 59)}…`
          : normalised.written;
      problems.push(
        `unknown status "${written}"; use proposed, accepted, rejected, deprecated or superseded`,
      );
    }
  } else {
    problems.push(
      'no status: write "status:" in the front matter, a "Status:" line under the title or a "## Status" section',
    );
  }
  // A `Superseded by …` line anywhere in the status section wins.
  for (const line of sectionLines) {
    const later = normaliseAdrStatus(line);
    if (later.status === 'superseded') {
      status = 'superseded';
      supersededBy = supersededBy ?? later.supersededBy;
    }
  }
  const fmSupersededBy =
    data['superseded-by'] ?? data.superseded_by ?? data.supersededBy;
  const byField = field('superseded-by');
  supersededBy =
    supersededBy ??
    refList(fmSupersededBy)[0] ??
    (byField ? refsIn(byField.value)[0] : undefined);
  if (supersededBy && status !== 'superseded' && status !== 'deprecated') {
    problems.push(
      `superseded by "${supersededBy}", but its status is ${status}`,
    );
  }

  // Supersedes: front matter, field lines, `Supersedes [..](..)` lines.
  const supersedes = new Set<string>(refList(data.supersedes));
  const supersedesField = field('supersedes');
  for (const ref of supersedesField
    ? [supersedesField.value, ...supersedesField.items].flatMap(refsIn)
    : []) {
    supersedes.add(ref);
  }
  for (const line of lines) {
    const m = SUPERSEDES_LINE.exec(line);
    if (m && (m[1].toLowerCase() !== 'replaces' || HAS_LINK.test(m[2]))) {
      refsIn(m[2]).forEach(ref => supersedes.add(ref));
    }
  }

  // Date: front matter, else a `Date:` line, else a `## Date` section, else
  // none: the file's modification time says when it was checked out, not
  // when anything was decided.
  let dateResult: DateResult;
  let dateFrom: ParsedAdr['dateFrom'];
  const dateSection = section(lines, /^date\s*(?::.*)?$/i);
  const sectionDate =
    dateSection?.inline ?? dateSection?.lines.find(l => l.trim());
  const dateField = field('date');
  // `Status: Accepted, 2025-09-05`: a status line that carries the date.
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
  let date: string | undefined;
  if (dateResult && 'date' in dateResult) {
    date = dateResult.date;
  } else if (dateResult) {
    problems.push(dateResult.problem);
    dateFrom = undefined;
  } else {
    dateFrom = undefined;
  }

  const fieldPeople = (key: string) => {
    const f = field(key);
    return f && people(f.items.length ? f.items : f.value);
  };
  const deciders =
    people(data['decision-makers'] ?? data.decision_makers ?? data.deciders) ??
    fieldPeople('deciders');
  const consulted = people(data.consulted) ?? fieldPeople('consulted');
  const informed = people(data.informed) ?? fieldPeople('informed');

  let titleFrom: ParsedAdr['titleFrom'] = 'file-name';
  if (title) {
    titleFrom = headingTitle ? 'heading' : 'front-matter';
  }
  return {
    title: title ?? titleFromFile(source.file),
    status,
    ...(date && { date }),
    ...(deciders && { deciders }),
    url: source.url,
    file: source.file,
    ...(supersededBy && { supersededBy }),
    ...(supersedes.size > 0 && { supersedes: [...supersedes] }),
    problems,
    titleFrom,
    ...(statusFrom && { statusFrom }),
    ...(dateFrom && { dateFrom }),
    ...(consulted && { consulted }),
    ...(informed && { informed }),
  };
}
