import { relativePath } from '../paths';
import { countFindings, sortFindings, summaryLine } from './summary';
import type { Formatter } from './types';

/**
 * Human output, one finding per line like eslint's unix format,
 * `path:line:column  severity  message  ruleId`, with its remediation
 * indented below; then notes, skipped Location targets, skipped rules and a
 * summary. Paths are relative to the working directory.
 */
export const formatText: Formatter = ({ report, discovery, cwd }) => {
  const lines: string[] = [];
  for (const finding of sortFindings(report.findings, cwd)) {
    const where = `${relativePath(cwd, finding.file)}:${finding.line}:${
      finding.column
    }`;
    const message = finding.message.replace(/\s*\n\s*/g, ' ');
    lines.push(`${where}  ${finding.severity}  ${message}  ${finding.ruleId}`);
    if (finding.remediation) {
      lines.push(
        `    fix: ${finding.remediation.replace(/\n/g, '\n         ')}`,
      );
    }
  }
  if (lines.length > 0) {
    lines.push('');
  }
  for (const note of discovery.notes) {
    lines.push(
      `note: ${relativePath(cwd, note.file)}:${note.line}:${note.column}: ${
        note.message
      }`,
    );
  }
  for (const skipped of discovery.skippedTargets) {
    lines.push(
      `skipped target: ${relativePath(cwd, skipped.file)}:${skipped.line}:${
        skipped.column
      }: ${skipped.target} (${skipped.reason})`,
    );
  }
  for (const skipped of report.skipped) {
    lines.push(`skipped: ${skipped.ruleId} (${skipped.reason})`);
  }
  const counts = countFindings(report.findings);
  lines.push(
    `${
      counts.total === 0
        ? 'no problems'
        : `${counts.total} problem${counts.total === 1 ? '' : 's'}`
    }: ${summaryLine(counts, report.entities, discovery.files.length)}`,
  );
  return `${lines.join('\n')}\n`;
};
