import fc from 'fast-check';
import {
  adversarialDocuments,
  fuzzParameters,
  hostileFrontMatter,
  timed,
} from './__testUtils__/hostileText';
import { parseFrontMatter } from './frontMatter';
import { readRunbook } from './runbooks/reviewDate';

function expectSplit(result: ReturnType<typeof parseFrontMatter>) {
  expect(typeof result.body).toBe('string');
  expect(result.body).not.toContain('\r');
  expect(result.data).toEqual(expect.any(Object));
  expect(Array.isArray(result.data)).toBe(false);
  if (result.error !== undefined) {
    expect(result.error).toMatch(/^front matter /);
  }
}

describe('parseFrontMatter fuzz', () => {
  it('splits any text quickly, without throwing', () => {
    fc.assert(
      fc.property(hostileFrontMatter(), text => {
        const { value, ms } = timed(() => parseFrontMatter(text));
        expectSplit(value);
        expect(ms).toBeLessThan(1_000);
      }),
      fuzzParameters(200),
    );
  });

  it('reads random YAML values of any depth up to the limits', () => {
    const yamlValue = fc.letrec<{ value: unknown }>(tie => ({
      value: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        fc.string({ maxLength: 30 }),
        fc.integer(),
        fc.constant(null),
        fc.array(tie('value'), { maxLength: 4 }),
        fc.dictionary(fc.string({ maxLength: 8 }), tie('value'), {
          maxKeys: 4,
        }),
      ),
    })).value;
    fc.assert(
      fc.property(fc.dictionary(fc.string(), yamlValue), data => {
        const text = `---\n${JSON.stringify(data)}\n---\n# Body\n`;
        const { value, ms } = timed(() => parseFrontMatter(text));
        expectSplit(value);
        expect(ms).toBeLessThan(1_000);
      }),
      fuzzParameters(150),
    );
  });

  it('reads runbook titles and review dates from any text', () => {
    fc.assert(
      fc.property(hostileFrontMatter(), text => {
        const { value, ms } = timed(() => readRunbook(text));
        expect(
          value.title === undefined || typeof value.title === 'string',
        ).toBe(true);
        expect(ms).toBeLessThan(1_000);
      }),
      fuzzParameters(200),
    );
  });

  it.each(adversarialDocuments())(
    'splits %s at the size limit in linear time',
    (_name, text) => {
      const { value, ms } = timed(() => parseFrontMatter(text));
      expectSplit(value);
      const runbook = timed(() => readRunbook(text));
      expect(ms + runbook.ms).toBeLessThan(3_000);
    },
  );

  it('refuses deep nesting and alias floods with a line, without parsing them', () => {
    expect(
      parseFrontMatter(`---\ntitle: x\na: ${'['.repeat(100)}\n---\nBody`),
    ).toEqual({
      data: {},
      body: 'Body',
      error: 'front matter line 3: nests deeper than 64 levels',
    });
    const aliases = Array.from({ length: 101 }, (_, i) => `b${i}: *a`);
    expect(
      parseFrontMatter(`---\na: &a 1\n${aliases.join('\n')}\n---\n`).error,
    ).toBe('front matter line 103: more than 100 aliases');
  });
});
