const GRAM = 3;
const SEPARATOR = '\u0000';

/**
 * Which texts contain a given string, answered without reading every text:
 * each text's distinct three-character substrings point back at it. A text
 * holds a string only if it holds every trigram of it, so the texts of the
 * string's rarest trigram are a superset of the answer, usually a small one.
 */
export class TrigramIndex {
  /** Indexes `texts`; substrings across a NUL are not indexed (it separates fields). */
  static build(texts: readonly string[]): TrigramIndex {
    const builder = TrigramIndex.builder();
    texts.forEach(text => builder.add(text));
    return builder.build();
  }

  /** Builds an index a text at a time; ids are given in the order of `add`. */
  static builder(): { add(text: string): void; build(): TrigramIndex } {
    const lists = new Map<string, number[]>();
    const seen = new Set<string>();
    let id = 0;
    return {
      add(text: string) {
        seen.clear();
        for (let i = 0; i + GRAM <= text.length; i++) {
          const gram = text.slice(i, i + GRAM);
          if (seen.has(gram) || gram.includes(SEPARATOR)) {
            continue;
          }
          seen.add(gram);
          let list = lists.get(gram);
          if (!list) {
            list = [];
            lists.set(gram, list);
          }
          list.push(id);
        }
        id++;
      },
      build() {
        const postings = new Map<string, Int32Array>();
        for (const [gram, list] of lists) {
          postings.set(gram, Int32Array.from(list));
        }
        return new TrigramIndex(postings);
      },
    };
  }

  private static readonly EMPTY = new Int32Array(0);

  private constructor(private readonly postings: Map<string, Int32Array>) {}

  /**
   * Ids, ascending, of a superset of the texts that contain every one of
   * `needles`: those of the rarest trigram among them. Undefined when no
   * needle is long enough to have a trigram; then any text may hold them.
   */
  candidates(needles: readonly string[]): Int32Array | undefined {
    let rarest: Int32Array | undefined;
    for (const needle of needles) {
      for (let i = 0; i + GRAM <= needle.length; i++) {
        const list =
          this.postings.get(needle.slice(i, i + GRAM)) ?? TrigramIndex.EMPTY;
        if (!rarest || list.length < rarest.length) {
          rarest = list;
        }
      }
    }
    return rarest;
  }
}
