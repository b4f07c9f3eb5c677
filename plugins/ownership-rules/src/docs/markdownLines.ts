/**
 * Longest line the document parsers look at; the rest of a longer line is
 * cut off before any pattern sees it. No heading, field or status line is
 * anywhere near this long, and it keeps every per-line pattern cheap.
 */
export const MAX_LINE_LENGTH = 4096;

/** `\r\n` and lone `\r` (classic Mac files) as `\n`. */
export function normaliseNewlines(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

/**
 * The lines of a text, whatever its line endings, each cut to
 * {@link MAX_LINE_LENGTH} characters.
 */
export function markdownLines(text: string): string[] {
  return normaliseNewlines(text)
    .split('\n')
    .map(line =>
      line.length > MAX_LINE_LENGTH ? line.slice(0, MAX_LINE_LENGTH) : line,
    );
}

/**
 * The text without HTML comments (`<!-- … -->`). An unclosed comment is
 * kept, as markdown shows it. One pass: `/<!--[\s\S]*?-->/g` rescans the
 * rest of the text from every unclosed `<!--`.
 */
export function stripHtmlComments(text: string): string {
  let out = '';
  let from = 0;
  for (;;) {
    const open = text.indexOf('<!--', from);
    if (open < 0) {
      break;
    }
    const close = text.indexOf('-->', open + 4);
    if (close < 0) {
      break;
    }
    out += text.slice(from, open);
    from = close + 3;
  }
  return out + text.slice(from);
}

/** An ATX heading: `## Title ##` is level 2, text `Title`. */
interface AtxHeading {
  level: number;
  text: string;
}

const ATX_START = /^[ \t]{0,3}(#{1,6})[ \t]/;

/**
 * Reads an ATX heading (`# Title`, up to six `#`, an optional closing run
 * of `#` after a space). Plain string work after the opening, so that no
 * pattern backtracks over long runs of spaces or `#`.
 */
export function atxHeading(line: string): AtxHeading | undefined {
  const open = ATX_START.exec(line);
  if (!open) {
    return undefined;
  }
  let text = line.slice(open[0].length).trim();
  let end = text.length;
  while (end > 0 && text[end - 1] === '#') {
    end--;
  }
  if (end > 0 && end < text.length && /\s/.test(text[end - 1])) {
    text = text.slice(0, end).trimEnd();
  }
  return { level: open[1].length, text };
}
