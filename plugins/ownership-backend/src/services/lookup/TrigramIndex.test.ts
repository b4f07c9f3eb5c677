import { TrigramIndex } from './TrigramIndex';

/** A deterministic pseudo-random source, so that a failure repeats. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1664525 + 1013904223) % 2 ** 32;
    return state / 2 ** 32;
  };
}

describe('TrigramIndex', () => {
  it('answers a superset of the texts holding every needle, in ascending order', () => {
    const next = random(7);
    const alphabet = 'abcde12\u0000é';
    const text = (length: number) =>
      Array.from(
        { length },
        () => alphabet[Math.floor(next() * alphabet.length)],
      ).join('');
    const texts = Array.from({ length: 400 }, () =>
      text(5 + Math.floor(next() * 40)),
    );
    const index = TrigramIndex.build(texts);

    for (let round = 0; round < 300; round++) {
      const needles = Array.from({ length: 1 + Math.floor(next() * 2) }, () =>
        text(3 + Math.floor(next() * 3))
          .split('\u0000')
          .join('a'),
      );
      const expected = texts.flatMap((t, id) =>
        needles.every(n => t.includes(n)) ? [id] : [],
      );
      const candidates = [...index.candidates(needles)!];

      expect(candidates).toEqual([...candidates].sort((a, b) => a - b));
      expect(candidates).toEqual(expect.arrayContaining(expected));
    }
  });

  it('narrows to the texts of the rarest trigram', () => {
    const index = TrigramIndex.build([
      'svc500',
      'svc5000',
      'svc501',
      'svc1500',
      'svc\u0000500',
    ]);

    expect([...index.candidates(['svc5000'])!]).toEqual([1]);
    // "500" is in four texts (text 4's "c\u00005" spans the field
    // separator, so it has no "c50"); "c50" in three, with svc501.
    expect([...index.candidates(['svc500'])!]).toEqual([0, 1, 2]);
    expect([...index.candidates(['nothing'])!]).toEqual([]);
  });

  it('leaves needles shorter than a trigram to the caller', () => {
    const index = TrigramIndex.build(['ui', 'api']);

    expect(index.candidates(['ui'])).toBeUndefined();
    expect(index.candidates([])).toBeUndefined();
    expect([...index.candidates(['ui', 'api'])!]).toEqual([1]);
  });
});
