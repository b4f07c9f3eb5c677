import { toError } from '@backstage/errors';
import { parseDocument } from 'yaml';
import { normaliseNewlines } from './markdownLines';
import { yamlLimitProblem } from './yamlLimits';

/**
 * A markdown document split into its YAML front matter and its body.
 *
 * @public
 */
export interface FrontMatter {
  /** The front matter's fields; empty when there is none. */
  data: Record<string, unknown>;
  /** The text after the front matter. */
  body: string;
  /** Why the front matter could not be read, with its line, when it is malformed. */
  error?: string;
}

const FENCE = /^---[ \t]*\n([\s\S]*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)/;
/** Aliases expanded at most; more is a "billion laughs" attack, not metadata. */
const MAX_ALIASES = 100;
/**
 * Longest front matter read, in characters. Metadata takes a few hundred;
 * the YAML library takes about a second per 200 KiB of hostile input.
 */
const MAX_FRONT_MATTER_CHARS = 64 * 1024;

/**
 * Splits YAML front matter (`---` fenced, at the very start) from markdown.
 * Line endings come out as `\n` (`\r\n` and lone `\r` included). A
 * malformed front matter is reported, never thrown; the body is still
 * returned so that the rest of the document can be used. Front matter longer
 * than 64 KiB, nesting too deep or using too many
 * aliases is reported without being parsed.
 *
 * @public
 */
export function parseFrontMatter(text: string): FrontMatter {
  const source = normaliseNewlines(text.replace(/^\uFEFF/, ''));
  const match = FENCE.exec(source);
  if (!match) {
    return { data: {}, body: source };
  }
  const body = source.slice(match[0].length);
  if (match[1].length > MAX_FRONT_MATTER_CHARS) {
    return {
      data: {},
      body,
      error: `front matter is longer than ${
        MAX_FRONT_MATTER_CHARS / 1024
      } KiB; it is not read`,
    };
  }
  const beyond = yamlLimitProblem(match[1]);
  if (beyond) {
    return {
      data: {},
      body,
      // +1: the opening fence is line 1.
      error: `front matter line ${beyond.line + 1}: ${beyond.message}`,
    };
  }
  let data: unknown;
  try {
    const document = parseDocument(match[1], { prettyErrors: true });
    if (document.errors.length) {
      const [first] = document.errors;
      const line = (first.linePos?.[0]?.line ?? 0) + 1;
      return {
        data: {},
        body,
        error: `front matter line ${line}: ${first.message.split('\n')[0]}`,
      };
    }
    data = document.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (error) {
    // The YAML library throws for too many aliases, and may for input it
    // cannot hold; either way the document is still read without it.
    return {
      data: {},
      body,
      error: `front matter cannot be read: ${toError(error).message}`,
    };
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return { data: {}, body, error: 'front matter is not a mapping of fields' };
  }
  return { data: data as Record<string, unknown>, body };
}
