import fc from 'fast-check';
import {
  adversarialDocuments,
  fuzzParameters,
  hostileFrontMatter,
  hostileText,
  timed,
} from '../__testUtils__/hostileText';
import { parseAdrDate } from './adrDate';
import { normaliseAdrStatus } from './adrStatus';
import { parseAdr } from './parseAdr';

const STATUSES = [
  'proposed',
  'accepted',
  'rejected',
  'deprecated',
  'superseded',
  'unknown',
];

function read(text: string) {
  return parseAdr({
    file: '0001-fuzz.md',
    url: 'file:///adr/0001-fuzz.md',
    text,
    lastModified: new Date('2026-01-01T00:00:00Z'),
  });
}

/** What parseAdr promises for any text: a record, never a throw. */
function expectRecord(adr: ReturnType<typeof read>) {
  expect(typeof adr.title).toBe('string');
  expect(STATUSES).toContain(adr.status);
  expect(Array.isArray(adr.problems)).toBe(true);
  if (adr.date !== undefined) {
    expect(adr.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  }
}

describe('parseAdr fuzz', () => {
  it('reads any markdown-ish text quickly, without throwing', () => {
    fc.assert(
      fc.property(fc.oneof(hostileText(), hostileFrontMatter()), text => {
        const { value, ms } = timed(() => read(text));
        expectRecord(value);
        expect(ms).toBeLessThan(1_000);
      }),
      fuzzParameters(200),
    );
  });

  it('reads field values of any shape without throwing', () => {
    fc.assert(
      fc.property(hostileText(500), value => {
        const { ms } = timed(() => {
          const date = parseAdrDate(value);
          expect(
            date === undefined || 'date' in date || 'problem' in date,
          ).toBe(true);
          expect(STATUSES).toContain(normaliseAdrStatus(value).status);
        });
        expect(ms).toBeLessThan(1_000);
      }),
      fuzzParameters(200),
    );
  });

  it.each(adversarialDocuments())(
    'reads %s at the size limit in linear time',
    (_name, text) => {
      const { value, ms } = timed(() => read(text));
      expectRecord(value);
      // Quadratic patterns take minutes on a megabyte; linear ones, well
      // under a second. Generous, so that a slow CI machine passes.
      expect(ms).toBeLessThan(3_000);
    },
  );
});
