import type { Severity } from '@ownership-portal/plugin-ownership-common';
import type { SkippedRule } from '../lint/types';
import { relativePath } from '../paths';
import { countFindings, sortFindings } from './summary';
import type { Formatter } from './types';

/**
 * The shape of `--format json` (version 1). Paths are relative to the
 * repository root, with forward slashes; lines and columns are 1-based.
 */
export interface JsonOutput {
  /** Bumped when a field changes meaning or goes away. */
  version: 1;
  tool: { name: string; version: string };
  /** Ordered by file, line, column and rule id. */
  findings: Array<{
    ruleId: string;
    severity: Severity;
    message: string;
    remediation: string;
    entityRef: string;
    file: string;
    line: number;
    column: number;
  }>;
  /** Rules that did not run, e.g. `{ ruleId: 'owner.unresolved', reason: 'needs the catalog' }`. */
  skipped: SkippedRule[];
  /** Location targets that were not followed (URLs, paths outside the repository). */
  skippedTargets: Array<{
    file: string;
    line: number;
    column: number;
    target: string;
    reason: string;
  }>;
  /** Documents that were ignored, e.g. empty YAML documents. */
  notes: Array<{ file: string; line: number; column: number; message: string }>;
  summary: {
    entities: number;
    files: number;
    error: number;
    warning: number;
    info: number;
    total: number;
  };
}

/** Builds the {@link JsonOutput} of a run. */
function toJsonOutput(input: Parameters<Formatter>[0]): JsonOutput {
  const { report, discovery, root, tool } = input;
  const rel = (file: string) => relativePath(root, file);
  return {
    version: 1,
    tool: { name: tool.name, version: tool.version },
    findings: sortFindings(report.findings, root).map(f => ({
      ruleId: f.ruleId,
      severity: f.severity,
      message: f.message,
      remediation: f.remediation,
      entityRef: f.entityRef,
      file: rel(f.file),
      line: f.line,
      column: f.column,
    })),
    skipped: report.skipped.map(s => ({ ruleId: s.ruleId, reason: s.reason })),
    skippedTargets: discovery.skippedTargets.map(s => ({
      ...s,
      file: rel(s.file),
    })),
    notes: discovery.notes.map(n => ({ ...n, file: rel(n.file) })),
    summary: {
      entities: report.entities,
      files: discovery.files.length,
      ...countFindings(report.findings),
    },
  };
}

/** `--format json`: the {@link JsonOutput}, pretty-printed. */
export const formatJson: Formatter = input =>
  `${JSON.stringify(toJsonOutput(input), null, 2)}\n`;
