import {
  atxHeading,
  MAX_LINE_LENGTH,
  markdownLines,
  stripHtmlComments,
} from './markdownLines';
import { yamlLimitProblem } from './yamlLimits';

describe('markdownLines', () => {
  it('splits on \\r\\n, lone \\r and \\n, and cuts long lines', () => {
    expect(markdownLines('a\r\nb\rc\nd')).toEqual(['a', 'b', 'c', 'd']);
    expect(markdownLines('x'.repeat(MAX_LINE_LENGTH + 10))[0]).toHaveLength(
      MAX_LINE_LENGTH,
    );
  });
});

describe('stripHtmlComments', () => {
  it('drops closed comments and keeps an unclosed one', () => {
    expect(stripHtmlComments('a<!-- x -->b<!-- y\n-->c<!-- open')).toBe(
      'abc<!-- open',
    );
  });
});

describe('atxHeading', () => {
  it.each([
    ['# Title', { level: 1, text: 'Title' }],
    ['   ## Status ##  ', { level: 2, text: 'Status' }],
    ['# Title#', { level: 1, text: 'Title#' }],
    ['# #', { level: 1, text: '#' }],
    ['#\tTabbed', { level: 1, text: 'Tabbed' }],
    ['# ', { level: 1, text: '' }],
    ['###### Six', { level: 6, text: 'Six' }],
  ])('reads %j', (line, heading) => {
    expect(atxHeading(line)).toEqual(heading);
  });

  it.each(['#Title', '####### Seven', '    # Code', 'Title', '#'])(
    'is no heading: %j',
    line => {
      expect(atxHeading(line)).toBeUndefined();
    },
  );
});

describe('yamlLimitProblem', () => {
  it('passes ordinary registers and front matter', () => {
    expect(
      yamlLimitProblem(
        'items:\n  - id: D-1\n    tags: [a, {b: c}]\n    title: "*not* an alias"\n',
      ),
    ).toBeUndefined();
  });

  it('names the line where nesting or aliases go past the limits', () => {
    expect(yamlLimitProblem(`a: 1\nb: ${'['.repeat(70)}`)).toEqual({
      line: 2,
      message: 'nests deeper than 64 levels',
    });
    expect(yamlLimitProblem(`${'- '.repeat(70)}x`)).toEqual({
      line: 1,
      message: 'nests deeper than 64 levels',
    });
    const block = Array.from({ length: 70 }, (_, i) => `${' '.repeat(i)}a:`);
    expect(yamlLimitProblem(block.join('\n'))?.line).toBe(65);
    expect(
      yamlLimitProblem(`a: &x 1\nb: [*x, *x]\nc: *x`, {
        maxNesting: 64,
        maxAliases: 2,
      }),
    ).toEqual({ line: 3, message: 'more than 2 aliases' });
  });
});
