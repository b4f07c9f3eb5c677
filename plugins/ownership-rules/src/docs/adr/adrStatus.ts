import type { AdrStatus } from '@ownership-portal/plugin-ownership-common';
import { type HeaderField, section } from './adrHeader';
import { flat, isPlaceholder, LINK, plainText } from './adrText';

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

/** `Supersedes [2. Use X](0002-use-x.md)` anywhere outside code. */
const SUPERSEDES_LINE =
  /^\s{0,3}(?:[*+-]\s+)?(?:\*\*|__)?(supersedes|supercedes|replaces)(?:\*\*|__)?\s*:?\s*(?:\*\*|__)?\s*(.+)$/is;
const HAS_LINK = /\[[^\][]*\]\([^)[]*\)/;
/** `Amends [1. X](0001-x.md)`, `Clarified by [..](..)`: adr-tools link lines. */
const RELATION_LINE = /^\s*(?:[*+-]\s+)?[\p{L} ]{1,40}\[[^\]]*\]\([^)]*\)\s*$/u;

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

function refList(value: unknown): string[] {
  const items = Array.isArray(value) ? value : [value];
  return items
    .filter(v => typeof v === 'string' || typeof v === 'number')
    .flatMap(v => refsIn(String(v)))
    .filter(v => !isPlaceholder(v));
}

/** Where an ADR's status was read: front matter, a `Status:` line or a `## Status` section. */
export type AdrStatusSource = 'front-matter' | 'field-line' | 'status-section';

/** What an ADR says of its status and of the records it relates to. */
interface AdrStatusInfo {
  status: AdrStatus;
  /** The status as written, before it was normalised. */
  rawStatus?: string;
  statusFrom?: AdrStatusSource;
  supersededBy?: string;
  supersedes: Set<string>;
}

/**
 * The status: front matter, else a `Status:` line, else the `## Status`
 * section; a `Superseded by …` line in that section wins. Then the records
 * it is superseded by and supersedes, from front matter, field lines and
 * `Supersedes [..](..)` lines. What does not add up is a problem.
 */
export function readAdrStatus(
  header: {
    data: Record<string, unknown>;
    field: HeaderField;
    /** The document's lines outside code. */
    lines: string[];
  },
  problems: string[],
): AdrStatusInfo {
  const { data, field, lines } = header;
  const statusSection = section(lines, /^status\s*(?::.*)?$/i);
  const sectionLines = (statusSection?.lines ?? []).filter(l => l.trim());
  let rawStatus: string | undefined;
  let statusFrom: AdrStatusSource | undefined;
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

  return {
    status,
    ...(rawStatus && { rawStatus }),
    ...(statusFrom && { statusFrom }),
    ...(supersededBy && { supersededBy }),
    supersedes,
  };
}
