import type { AdrInfo } from '@ownership-portal/plugin-ownership-common';
import { parseFrontMatter } from '../frontMatter';
import { type AdrDateSource, readAdrDate } from './adrDate';
import {
  documentLines,
  headerFields,
  people,
  readTitle,
  titleFromFile,
} from './adrHeader';
import { type AdrStatusSource, readAdrStatus } from './adrStatus';

/** One markdown file to read as an ADR. */
interface AdrSource {
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
  statusFrom?: AdrStatusSource;
  /** Absent when the record states no date (undated). */
  dateFrom?: AdrDateSource;
  /** MADR 3/4 `consulted`. */
  consulted?: string[];
  /** MADR 3/4 `informed`. */
  informed?: string[];
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
  const lines = documentLines(fm.body);
  const { title, fromHeading } = readTitle(lines, data);
  if (!title) {
    problems.push('no "# " title; the file name is used');
  }
  const field = headerFields(lines, source.text, !!fm.error);
  const { status, rawStatus, statusFrom, supersededBy, supersedes } =
    readAdrStatus({ data, field, lines }, problems);
  const { date, dateFrom } = readAdrDate(
    { data, field, lines },
    { statusFrom, rawStatus },
    problems,
  );

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
    titleFrom = fromHeading ? 'heading' : 'front-matter';
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
