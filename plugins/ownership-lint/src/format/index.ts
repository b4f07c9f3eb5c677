import { formatGithub } from './github';
import { formatJson } from './json';
import { formatSarif } from './sarif';
import { formatText } from './text';
import type { FormatName, Formatter } from './types';

/** The formatter of each `--format` value. */
export const FORMATTERS: Record<FormatName, Formatter> = {
  text: formatText,
  json: formatJson,
  sarif: formatSarif,
  github: formatGithub,
};

export { FORMATS } from './types';
export type { FormatInput, FormatName, Formatter, ToolInfo } from './types';
export type { JsonOutput } from './json';
