import fc from 'fast-check';

/**
 * Settings of every document parser fuzz run: a fixed seed so that CI is
 * deterministic (`FUZZ_SEED` replays another; fast-check prints the seed and
 * the shrunk counterexample of a failure).
 */
export function fuzzParameters(numRuns: number): fc.Parameters<unknown> {
  const seed = Number(process.env.FUZZ_SEED ?? 20261202);
  return {
    seed,
    numRuns,
    endOnFailure: true,
    reporter: details => {
      if (details.failed) {
        throw new Error(
          `fuzz run failed with seed ${seed} (replay with FUZZ_SEED=${seed}): ${fc.defaultReportMessage(
            details,
          )}`,
        );
      }
    },
  };
}

/** A first timing above this is measured again before it counts. */
const RETIME_ABOVE_MS = 100;

/**
 * What `fn` returned, and the fewest milliseconds it took. A slow first
 * call is timed twice more (the parsers are pure), so that a GC pause or a
 * busy CI machine does not pass for super-linear time, while a real blow-up
 * is slow every time.
 */
export function timed<T>(fn: () => T): { value: T; ms: number } {
  let started = performance.now();
  const value = fn();
  let ms = performance.now() - started;
  for (let retry = 0; retry < 2 && ms > RETIME_ABOVE_MS; retry++) {
    started = performance.now();
    fn();
    ms = Math.min(ms, performance.now() - started);
  }
  return { value, ms };
}

/** The documents' size limit, `ownership.docs.maxBytes` by default. */
const MAX_DOCUMENT_BYTES = 1024 * 1024;

/** Pieces that markdown, ADR and YAML patterns treat specially. */
const PIECES = [
  '#',
  '##',
  '###### ',
  '# ',
  '-',
  '- ',
  '* ',
  '*',
  '**',
  '__',
  '_',
  ' ',
  '\t',
  '\r',
  '\n',
  '\r\n',
  '\u2028',
  '\u00a0',
  '\uFEFF',
  '[',
  ']',
  '(',
  ')',
  '](',
  '<',
  '>',
  '"',
  "'",
  '`',
  '```',
  '~~~',
  '~~',
  '<!--',
  '-->',
  ':',
  ': ',
  '---',
  '...',
  '{',
  '}',
  '|',
  '&a ',
  '*a ',
  '!!',
  '%',
  '=',
  '==',
  'Status:',
  'Date:',
  'Deciders:',
  '## Status',
  '## Date',
  'Superseded by ',
  'Supersedes ',
  'Replaces ',
  'accepted',
  'proposed',
  'superseded',
  '2021-03-04',
  '03/04/2021',
  'March 4, 2021',
  'ADR-0001',
  '0001. ',
  'title: ',
  'items:',
  'id: ',
  'é',
  '😀',
  'x',
  'and ',
  ', ',
];

const piece = fc.constantFrom(...PIECES);

/** One piece, repeated up to `maxRun` times: long runs of `#`, spaces, `\r`… */
function run(maxRun: number) {
  return fc
    .tuple(piece, fc.integer({ min: 1, max: maxRun }))
    .map(([p, n]) => p.repeat(n));
}

/**
 * Markdown-ish text built from pieces and long runs of them, with random
 * unicode in between: small documents that hit every branch, and a few
 * long runs that would expose backtracking.
 */
export function hostileText(maxRun = 2_000): fc.Arbitrary<string> {
  return fc
    .array(
      fc.oneof(
        { weight: 6, arbitrary: piece },
        { weight: 2, arbitrary: run(maxRun) },
        { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
      ),
      { maxLength: 120 },
    )
    .map(parts => parts.join(''));
}

/** Front matter around a hostile text. */
export function hostileFrontMatter(maxRun = 2_000): fc.Arbitrary<string> {
  return fc
    .tuple(
      hostileText(maxRun),
      fc.constantFrom('---\n', '---\r\n', '---\r', '\uFEFF---\n', ''),
      fc.constantFrom('\n---\n', '\r\n---\r\n', '\n...\n', '\r---\r', ''),
      hostileText(200),
    )
    .map(([yaml, open, close, body]) => `${open}${yaml}${close}${body}`);
}

/** A line of `length` characters: `unit` repeated, then `tail` (which makes a match fail late). */
function line(unit: string, length: number, tail = 'x'): string {
  return unit.repeat(Math.floor(length / unit.length)) + tail;
}

/**
 * Texts at the size limit built to make super-linear patterns blow up: one
 * huge line, or many lines, of what a pattern backtracks over.
 */
export function adversarialDocuments(
  size = MAX_DOCUMENT_BYTES,
): Array<[string, string]> {
  const max = size - 100;
  const lines = (text: string) =>
    Array.from(
      { length: Math.floor(max / (text.length + 1)) },
      () => text,
    ).join('\n');
  return [
    ['one line of #', line('#', max)],
    ['a heading with a space run', `# a${line(' ', max)}`],
    ['a heading ending in a # run', `# a ${line('#', max, 'x ')}`],
    ['a run of spaces', line(' ', max)],
    ['a run of \\r', line('\r', max)],
    ['a run of \\r\\n', line('\r\n', max)],
    ['a run of \\u2028', `# ${line('\u2028', max)}`],
    ['a run of -', line('-', max)],
    ['a run of "- "', line('- ', max)],
    ['unclosed [', line('[', max)],
    ['unclosed [a](', line('[a](', max)],
    ['link with a space run', `[a](${line(' ', max)}`],
    ['link with a title run', `[a](b "${line('[a](b "', max - 10)}`],
    ['unclosed comments', line('<!--', max)],
    ['unclosed ~~', `Status: ${line('~~a', max)}`],
    ['unbalanced quotes', line('"\'', max)],
    ['unbalanced brackets', line('[{(', max)],
    ['a status field with a space run', `Status:${line(' ', max)}`],
    ['status fields with space runs', lines(`* Status: a${' '.repeat(4000)}b`)],
    [
      'supersedes lines with space runs',
      lines(`Supersedes ${' '.repeat(3000)}:${' '.repeat(1000)}\u2028`),
    ],
    ['replaces lines with links', lines(`Replaces ${'[a]('.repeat(1000)}`)],
    ['headings with space runs', lines(`## Status${' '.repeat(2000)}x`)],
    [
      'a status section of long lines',
      `## Status\n${lines(`superseded by ${' '.repeat(3000)}x\u2028`)}`,
    ],
    ['a date section of long lines', `## Date\n${line(' ', max, '2021')}`],
    ['many field lines', lines('Deciders: a ,  b and c & d ; e')],
    ['deep flow YAML', `---\n${line('[', max - 20)}\n---\n`],
    [
      'deep balanced YAML',
      `---\na: ${'['.repeat(max / 4)}${']'.repeat(max / 4)}\n---\n`,
    ],
    [
      'deep block YAML',
      `---\n${Array.from(
        { length: Math.floor(Math.sqrt(2 * max)) - 2 },
        (_, i) => `${' '.repeat(i)}a:`,
      ).join('\n')}\n---\n`,
    ],
    ['deep sequence YAML', `---\n${line('- ', max - 20)}\n---\n`],
    [
      'many aliases',
      `---\na: &a [1, 2]\n${Array.from(
        { length: Math.floor(max / 12) },
        (_, i) => `b${i}: *a`,
      ).join('\n')}\n---\n`,
    ],
    [
      'an unclosed quote in front matter',
      `---\ntitle: "${line('a ', max - 30)}\n---\n`,
    ],
    [
      'a huge front matter title',
      `---\ntitle: ${line('[a](', max - 30)}\nstatus: proposed\n---\n`,
    ],
    [
      'a huge front matter status',
      `---\nstatus: superseded by ${line(' ', max - 40, ' \u2028')}\n---\n`,
    ],
    ['no closing front matter fence', `---\n${lines('status: accepted')}`],
  ];
}
