/**
 * Deepest nesting of YAML collections the document parsers hand to the
 * YAML library. Front matter and registers nest three or four levels; the
 * library parses recursively, and a few thousand `[` exhaust the stack (in
 * the worst case inside V8's regular expression compiler, which then aborts
 * the process instead of throwing).
 */
export const MAX_YAML_NESTING = 64;

/**
 * Why a YAML text nests too deep to be parsed safely, with its line, or
 * undefined when it does not. Counts flow brackets (`[`, `{`) and block
 * levels (indentation, and `- `/`? ` entries opened on one line). Brackets
 * inside quotes or comments count too: this errs towards refusing absurd
 * input, never towards parsing it. One pass, no regular expressions.
 */
export function yamlNestingProblem(
  text: string,
  max = MAX_YAML_NESTING,
): string | undefined {
  let flow = 0;
  /** Indentation of the block levels open at the current line. */
  const indents: number[] = [];
  let line = 1;
  /** Still in the line's indentation and `- `/`? ` indicators. */
  let prefix = true;
  let indent = 0;
  let entries = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') {
      line++;
      prefix = true;
      indent = 0;
      entries = 0;
      continue;
    }
    if (prefix) {
      const next = text[i + 1];
      if (c === ' ' || c === '\t' || c === '\r') {
        indent += entries === 0 ? 1 : 0;
        continue;
      }
      if ((c === '-' || c === '?') && (next === ' ' || next === '\t')) {
        if (entries === 0) {
          closeLevels(indents, indent);
        }
        entries++;
      } else {
        prefix = false;
        if (c !== '#' && entries === 0) {
          closeLevels(indents, indent);
        }
      }
    }
    if (c === '[' || c === '{') {
      flow++;
    } else if (c === ']' || c === '}') {
      flow = Math.max(0, flow - 1);
    }
    if (flow + indents.length + entries > max) {
      return `line ${line}: nests deeper than ${max} levels`;
    }
  }
  return undefined;
}

/** Closes the block levels indented at least as deep as `indent`, opens one there. */
function closeLevels(indents: number[], indent: number) {
  while (indents.length && indents[indents.length - 1] >= indent) {
    indents.pop();
  }
  indents.push(indent);
}
