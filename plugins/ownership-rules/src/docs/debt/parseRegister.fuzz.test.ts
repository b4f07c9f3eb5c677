import fc from 'fast-check';
import {
  adversarialDocuments,
  fuzzParameters,
  hostileText,
  timed,
} from '../__testUtils__/hostileText';
import { MAX_REGISTER_CHARS, parseRegister } from './parseRegister';

const url = 'file:///repo/tech-debt.yaml';

function expectRegister(result: ReturnType<typeof parseRegister>) {
  expect(Array.isArray(result.items)).toBe(true);
  expect(Array.isArray(result.problems)).toBe(true);
  for (const problem of result.problems) {
    expect(problem.startsWith(url)).toBe(true);
  }
  // Problems are capped: a hostile file cannot make the report huge.
  expect(result.problems.length).toBeLessThanOrEqual(51);
}

/** A register item with fields that may be of any type or shape. */
const item = fc.record(
  {
    id: fc.oneof(fc.string({ maxLength: 20 }), fc.integer(), hostileText(50)),
    title: fc.oneof(fc.string(), hostileText(200)),
    impact: fc.oneof(
      fc.constantFrom('low', 'medium', 'high', 'critical'),
      fc.string({ maxLength: 10 }),
    ),
    effort: fc.oneof(fc.integer({ min: -5, max: 100 }), fc.string()),
    created: fc.oneof(
      fc.constantFrom('2026-01-01', '2026-02-30', '2026-01-01T10:00:00Z'),
      fc.string({ maxLength: 30 }),
    ),
    due: fc.string({ maxLength: 30 }),
    status: fc.constantFrom('open', 'in-progress', 'done', 'nope'),
    issue: fc.oneof(
      fc.webUrl(),
      fc.string(),
      fc.constant(`https://x/${'a'.repeat(5_000)}`),
      fc.constant(`https://${'a.'.repeat(2_000)}`),
      fc.constant(`https://x/${'%'.repeat(5_000)}`),
    ),
    owner: fc.string(),
  },
  { requiredKeys: [] },
);

describe('parseRegister fuzz', () => {
  it('reads any text quickly, without throwing', () => {
    fc.assert(
      fc.property(hostileText(), text => {
        const { value, ms } = timed(() => parseRegister(text, { url }));
        expectRegister(value);
        expect(ms).toBeLessThan(1_000);
      }),
      fuzzParameters(200),
    );
  });

  it('reads registers of random items, as YAML or JSON', () => {
    fc.assert(
      fc.property(
        fc.array(item, { maxLength: 30 }),
        fc.boolean(),
        (items, asJson) => {
          const text = asJson
            ? JSON.stringify({ items })
            : `items:\n${items
                .map(i =>
                  Object.entries(i)
                    .map(
                      ([k, v], n) =>
                        `${n ? '    ' : '  - '}${k}: ${JSON.stringify(v)}`,
                    )
                    .join('\n'),
                )
                .join('\n')}\n`;
          const { value, ms } = timed(() => parseRegister(text, { url }));
          expectRegister(value);
          expect(ms).toBeLessThan(2_000);
        },
      ),
      fuzzParameters(100),
    );
  });

  it.each([
    ...adversarialDocuments(MAX_REGISTER_CHARS),
    [
      'ten thousand items',
      `items:\n${Array.from(
        { length: 10_000 },
        (_, i) =>
          `  - { id: D-${i}, title: t, impact: huge, effort: -1, created: x, status: open }`,
      ).join('\n')}`.slice(0, MAX_REGISTER_CHARS),
    ],
    [
      'one huge issue URL',
      `items:\n  - { id: D-1, title: t, impact: low, effort: 1, created: 2026-01-01, status: open, issue: "https://${'a.'.repeat(
        MAX_REGISTER_CHARS / 2 - 200,
      )}" }\n`,
    ],
    [
      'a register past the limit',
      `items:\n${'  - { id: D-1 }\n'.repeat(MAX_REGISTER_CHARS / 10)}`,
    ],
  ] as Array<[string, string]>)(
    'reads %s at the size limit in linear time',
    (_name, text) => {
      const { value, ms } = timed(() => parseRegister(text, { url }));
      expectRegister(value);
      expect(ms).toBeLessThan(10_000);
    },
  );
});
