import type { Severity } from '@ownership-portal/plugin-ownership-common';
import { relativePath } from '../paths';
import { countFindings, sortFindings, summaryLine } from './summary';
import type { Formatter } from './types';

const COMMANDS: Record<Severity, string> = {
  error: 'error',
  warning: 'warning',
  info: 'notice',
};

/** Escapes the message of a workflow command: `%`, CR and LF. */
export function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a property of a workflow command: as {@link escapeData}, plus `:` and `,`. */
export function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * `--format github`: one workflow command per finding
 * (`::error file=…,line=…,col=…,title=<ruleId>::<message>`, `::warning` and
 * `::notice` for the other severities), so GitHub Actions annotates the
 * files; the remediation follows the message on its own line. Paths are
 * relative to the repository root.
 */
export const formatGithub: Formatter = ({ report, discovery, root }) => {
  const lines = sortFindings(report.findings, root).map(finding => {
    const properties = [
      `file=${escapeProperty(relativePath(root, finding.file))}`,
      `line=${finding.line}`,
      `col=${finding.column}`,
      `title=${escapeProperty(finding.ruleId)}`,
    ].join(',');
    const text = finding.remediation
      ? `${finding.message}\nfix: ${finding.remediation}`
      : finding.message;
    return `::${COMMANDS[finding.severity]} ${properties}::${escapeData(text)}`;
  });
  for (const skipped of report.skipped) {
    lines.push(`skipped: ${skipped.ruleId} (${skipped.reason})`);
  }
  lines.push(
    `ownership-lint: ${summaryLine(
      countFindings(report.findings),
      report.entities,
      discovery.files.length,
    )}`,
  );
  return `${lines.join('\n')}\n`;
};
