import {
  atxHeading,
  markdownLines,
  normaliseNewlines,
  stripHtmlComments,
} from '../markdownLines';
import { flat, isPlaceholder, plainText } from './adrText';

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
const FENCE = /^\s{0,3}(```|~~~)/;
/** Lines of the title block that may hold `Status:`/`Date:` fields. */
const TOP_LINES = 40;

/** A field of the title block by key (`status`, `deciders`, ...), when it has a value. */
export type HeaderField = (key: string) => FieldLine | undefined;

/** The lines of a markdown body outside code blocks, without HTML comments. */
export function documentLines(body: string): string[] {
  const lines: string[] = [];
  let fenced = false;
  for (const line of markdownLines(stripHtmlComments(body))) {
    if (FENCE.test(line)) {
      fenced = !fenced;
    } else if (!fenced) {
      lines.push(line);
    }
  }
  return lines;
}

/**
 * The title: the first `# ` heading (or setext `===`), else front matter
 * `title`; without its number. `fromHeading` tells which.
 */
export function readTitle(
  lines: string[],
  data: Record<string, unknown>,
): { title?: string; fromHeading: boolean } {
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
  return {
    title: rawTitle ? stripNumber(plainText(rawTitle)) : undefined,
    fromHeading: !!headingTitle,
  };
}

/**
 * The field lines of the title block: up to the first `##` section. A
 * malformed front matter (`frontMatterError`) is read the same way, line by
 * line. Placeholders and empty fields count as absent.
 */
export function headerFields(
  lines: string[],
  text: string,
  frontMatterError: boolean,
): HeaderField {
  const firstSection = lines.findIndex(line => {
    const h = atxHeading(line);
    return h && h.level >= 2;
  });
  let top = lines.slice(
    0,
    Math.min(firstSection < 0 ? lines.length : firstSection, TOP_LINES),
  );
  if (frontMatterError) {
    const fence = /^\uFEFF?---[ \t]*\n([\s\S]*?)\n(?:---|\.\.\.)/.exec(
      normaliseNewlines(text),
    );
    // Not `top.unshift(...lines)`: spreading a long front matter into
    // arguments overflows the stack.
    top = (fence ? markdownLines(fence[1]) : []).concat(top);
  }
  const fields = fieldLines(top);
  return (key: string) => {
    const f = fields.get(key);
    return f && (f.value || f.items.length) && !isPlaceholder(f.value)
      ? f
      : undefined;
  };
}

/** A list of people from YAML (a list or `a, b and c`) or a field line. */
export function people(value: unknown): string[] | undefined {
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

/** `Use PostgreSQL` from `3. Use PostgreSQL`, `0003 - Use …`, `ADR-0003: Use …`. */
function stripNumber(title: string): string {
  const stripped = title
    .replace(/^ADR[\s#-]*\d+\s*(?:[.:)–—-]\s*|\s)/i, '')
    .replace(/^\d+(?:\.\s+|\s*[:)]\s+|\s+[–—-]\s+)/, '')
    .trim();
  return stripped || title;
}

/** `Use PostgreSQL` from `0003-use-postgresql.md`. */
export function titleFromFile(file: string): string {
  const words = file
    .replace(/\.md$/i, '')
    .replace(/^\d+[-_ ]*/, '')
    .replace(/[-_]+/g, ' ')
    .trim();
  return words ? words[0].toUpperCase() + words.slice(1) : file;
}

/** A `Key: value` line of the title block. */
export interface FieldLine {
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
export function section(
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
