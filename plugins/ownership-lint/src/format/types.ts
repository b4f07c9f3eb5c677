import type { DiscoveryResult } from '../discovery/types';
import type { LintReport } from '../lint/types';

/** The tool's name, version and home page, as output formats name it. */
export interface ToolInfo {
  name: string;
  version: string;
  informationUri: string;
}

/** Everything an output format needs. */
export interface FormatInput {
  report: LintReport;
  discovery: DiscoveryResult;
  /** Text output names files relative to this folder. */
  cwd: string;
  /** JSON, SARIF and GitHub output name files relative to the repository root. */
  root: string;
  tool: ToolInfo;
}

/** Turns a lint run into the text of one output format. */
export type Formatter = (input: FormatInput) => string;

/** The output formats of `--format`. */
export const FORMATS = ['text', 'json', 'sarif', 'github'] as const;

/** One of {@link FORMATS}. */
export type FormatName = (typeof FORMATS)[number];
