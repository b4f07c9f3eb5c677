/**
 * Limits on the YAML the document parsers hand to the YAML library, which
 * front matter and debt registers never come near, so that a hostile
 * document cannot hold or crash the backend:
 *
 * - nesting: the library parses recursively, and a few thousand `[`
 *   exhaust the stack (at worst inside V8's regular expression compiler,
 *   which aborts the process instead of throwing);
 * - aliases: composing a document takes time quadratic in its aliases
 *   (20,000 `*a` in a megabyte take seconds), before `maxAliasCount` is
 *   ever checked.
 */
const YAML_LIMITS = { maxNesting: 64, maxAliases: 100 };

/** Characters after which a `*` starts an alias. */
const BEFORE_ALIAS = new Set([' ', '\t', '\n', '\r', ',', '[', '{', ':']);
/** Characters that cannot start an alias name. */
const NOT_ANCHOR = new Set([' ', '\t', '\n', '\r', ',', '[', ']', '{', '}']);

/** Closes the block levels indented at least as deep as `indent`, opens one there. */
function openLevel(indents: number[], indent: number) {
  while (indents.length && indents[indents.length - 1] >= indent) {
    indents.pop();
  }
  indents.push(indent);
}

/** Where and how a YAML text goes beyond {@link YAML_LIMITS}. */
interface YamlLimitProblem {
  /** 1-based line of the text. */
  line: number;
  /** E.g. `nests deeper than 64 levels`. */
  message: string;
}

/**
 * Where and how a YAML text goes beyond {@link YAML_LIMITS}, or undefined
 * when it is within them. Counts flow brackets (`[`, `{`), block
 * levels (indentation, and `- `/`? ` entries opened on one line) and
 * aliases (`*name`). Brackets and stars inside quotes or comments count too:
 * this errs towards refusing absurd input, never towards parsing it. One
 * pass, no regular expressions.
 */
export function yamlLimitProblem(
  text: string,
  limits: { maxNesting: number; maxAliases: number } = YAML_LIMITS,
): YamlLimitProblem | undefined {
  let flow = 0;
  /** Indentation of the block levels open at the current line. */
  const indents: number[] = [];
  let line = 1;
  /** Still in the line's indentation and `- `/`? ` indicators. */
  let prefix = true;
  let indent = 0;
  let entries = 0;
  let aliases = 0;
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
          openLevel(indents, indent);
        }
        entries++;
      } else {
        prefix = false;
        if (c !== '#' && entries === 0) {
          openLevel(indents, indent);
        }
      }
    }
    if (c === '[' || c === '{') {
      flow++;
    } else if (c === ']' || c === '}') {
      flow = Math.max(0, flow - 1);
    } else if (
      c === '*' &&
      (i === 0 || BEFORE_ALIAS.has(text[i - 1])) &&
      i + 1 < text.length &&
      !NOT_ANCHOR.has(text[i + 1]) &&
      ++aliases > limits.maxAliases
    ) {
      return { line, message: `more than ${limits.maxAliases} aliases` };
    }
    if (flow + indents.length + entries > limits.maxNesting) {
      return {
        line,
        message: `nests deeper than ${limits.maxNesting} levels`,
      };
    }
  }
  return undefined;
}
