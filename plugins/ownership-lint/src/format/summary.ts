import type { LintFinding } from '../lint/types';
import { relativePath } from '../paths';

/** How many findings there are of each severity. */
interface FindingCounts {
  error: number;
  warning: number;
  info: number;
  total: number;
}

/** Counts findings by severity. */
export function countFindings(findings: LintFinding[]): FindingCounts {
  const counts: FindingCounts = {
    error: 0,
    warning: 0,
    info: 0,
    total: findings.length,
  };
  for (const finding of findings) {
    counts[finding.severity] += 1;
  }
  return counts;
}

/** Findings ordered by file (relative to `base`), line, column and rule id, so output is stable. */
export function sortFindings(
  findings: LintFinding[],
  base: string,
): LintFinding[] {
  const key = (f: LintFinding) => relativePath(base, f.file);
  return [...findings].sort(
    (a, b) =>
      key(a).localeCompare(key(b), 'en') ||
      a.line - b.line ||
      a.column - b.column ||
      a.ruleId.localeCompare(b.ruleId, 'en') ||
      a.entityRef.localeCompare(b.entityRef, 'en'),
  );
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** One line such as "2 errors, 1 warning, 0 info in 7 entities from 3 files". */
export function summaryLine(
  counts: FindingCounts,
  entities: number,
  files: number,
): string {
  return `${plural(counts.error, 'error')}, ${plural(
    counts.warning,
    'warning',
  )}, ${counts.info} info in ${plural(
    entities,
    'entity',
    'entities',
  )} from ${plural(files, 'file')}`;
}
