/**
 * `[label](target "title")`. Label, target and title stop at the next `[`,
 * so that no match attempt rescans the text after another `[`; run it on
 * text whose whitespace is collapsed ({@link flat}).
 */
export const LINK = /!?\[([^\][]*)\]\(\s*<?([^)\s>[]*)>?(?:\s+"[^"[]*")?\s*\)/g;

/** Whitespace runs as one space: bounds the backtracking of `\s*` patterns. */
export function flat(text: string): string {
  return text.replace(/\s+/g, ' ');
}

/** Link text instead of markdown links, no emphasis, code or strike marks. */
export function plainText(text: string): string {
  return flat(text)
    .replace(LINK, '$1')
    .replace(/[*_`]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Template placeholders such as `{YYYY-MM-DD …}` or `[list everyone …]`. */
export function isPlaceholder(value: string): boolean {
  const v = value.trim();
  return (
    /^\{.*\}$/.test(v) ||
    (/^\[.*\]$/.test(v) && /[|…]|\.\.\.|\blist\b|yyyy/i.test(v))
  );
}
