import { parseDocument } from 'yaml';

/** A markdown document split into its YAML front matter and its body. */
export interface FrontMatter {
  /** The front matter's fields; empty when there is none. */
  data: Record<string, unknown>;
  body: string;
  /** Why the front matter could not be read, with its line, when it is malformed. */
  error?: string;
}

const FENCE = /^---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;

/**
 * Splits YAML front matter (`---` fenced, at the very start) from markdown.
 * A malformed front matter is reported, never thrown; the body is still
 * returned so that the rest of the document can be used.
 */
export function parseFrontMatter(text: string): FrontMatter {
  const source = text.replace(/^\uFEFF/, '');
  const match = FENCE.exec(source);
  if (!match) {
    return { data: {}, body: source };
  }
  const body = source.slice(match[0].length);
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
  const data = document.toJS();
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return { data: {}, body, error: 'front matter is not a mapping of fields' };
  }
  return { data: data as Record<string, unknown>, body };
}
