import type {
  LookupMatch,
  OnCallAnswer,
} from '@ownership-portal/plugin-ownership-common';
import type { OnCallSubject } from '@ownership-portal/plugin-ownership-node';
import type { EntityResult } from '../../database/types';
import { topRunbook } from './topRunbook';
import { TrigramIndex } from './TrigramIndex';

type FieldKind = LookupMatch['matchedOn'][number];

const NONE = 0;
const SUBSTRING = 1;
/** A word of the field, or a run of its words, starts with the term. */
const WORD_PREFIX = 2;
/** … and the term ends where a word of the field ends. */
const WORD_PREFIX_WHOLE = 3;
const PREFIX = 4;
const PREFIX_WHOLE = 5;
/** Equal once case and punctuation are ignored: `checkout api` vs `Checkout_API`. */
const LOOSE_EXACT = 6;
const EXACT = 7;

/**
 * Score of a field match by level, `NONE` to `EXACT`. Fields are listed, and
 * searched, from the highest best score down: a search stops at the first
 * field that cannot beat the score so far.
 */
const SCORES: Record<FieldKind, readonly number[]> = {
  name: [0, 500, 800, 810, 900, 910, 980, 1000],
  title: [0, 400, 650, 660, 700, 710, 750, 760],
  tag: [0, 0, 250, 250, 250, 250, 300, 300],
  system: [0, 0, 200, 200, 200, 200, 220, 220],
  owner: [0, 0, 120, 120, 120, 120, 150, 150],
};
const FIELD_ORDER: readonly FieldKind[] = [
  'name',
  'title',
  'tag',
  'system',
  'owner',
];

/** Terms found apart, or out of order, rank below the same query found as one phrase. */
const SCATTERED_TERMS_FACTOR = 0.9;
const MAX_SCATTERED_SCORE = SCORES.name[EXACT] * SCATTERED_TERMS_FACTOR;

/** The most matches one search returns. */
const MAX_LOOKUP_LIMIT = 100;

const NON_WORD = /[^\p{L}\p{N}]+/u;
const CAMEL_BOUNDARY =
  /(?<=[\p{Ll}\p{N}])(?=\p{Lu})|(?<=\p{Lu})(?=\p{Lu}\p{Ll})/u;
const WHITESPACE = /\s+/;

/** A searchable text, normalised once when the index is built. */
interface Field {
  kind: FieldKind;
  /** `SCORES[kind]`, resolved once at build time rather than per field and query. */
  scores: readonly number[];
  /** Lower-cased as written. */
  lower: string;
  /** Words joined by single spaces, so that substrings never join two words. */
  spaced: string;
  /** `tails[i]` is words `i` to the end without separators; `tails[0]` is the whole text. */
  tails: string[];
}

/** A query, or one whitespace-separated term of it, normalised like a field. */
/** An indexed entity's on-call subject and the answer its run stored. */
export interface OnCallRecord {
  subject: OnCallSubject;
  stored?: OnCallAnswer;
}

interface Term {
  lower: string;
  compact: string;
  spaced: string;
}

interface Entry {
  ref: string;
  nameLength: number;
  /** In `FIELD_ORDER`, so that a search can stop once no later field can score higher. */
  fields: Field[];
  /** All fields' `tails[0]`, NUL-separated: every match level implies a hit in it. */
  haystack: string;
  /** Where each field starts in `haystack`. */
  starts: number[];
  match: Omit<LookupMatch, 'rank' | 'matchedOn'>;
}

/**
 * An immutable in-memory index of one run's entities for the incident lookup.
 *
 * Matching is case-insensitive and ignores punctuation: names, titles, tags,
 * the system's name and the owner's name and title are split into words on
 * anything but letters and digits and on camelCase, so `checkout api`,
 * `checkout-api` and `CheckoutAPI` all find `checkout-api`.
 *
 * Ranking, best first (per query, or per term of a multi-word query):
 *
 * 1. exact name, or the full entity ref (1000); name equal but for case or
 *    punctuation (980)
 * 2. name prefix (900, 910 when the query ends at a word end: `service-42`
 *    finds `service-42-api` before `service-421`)
 * 3. name word prefix: a word of the name, or a run of its words, starts
 *    with the query (800, 810 at a word end)
 * 4. title exact (760/750), title prefix (700/710), title word prefix
 *    (650/660)
 * 5. name substring within words (500)
 * 6. title substring (400)
 * 7. tag exact (300), tag prefix or word prefix (250)
 * 8. system name exact (220), prefix or word prefix (200)
 * 9. owner name or owner title exact (150), prefix or word prefix (120)
 *
 * An entity scores its best field. A multi-word query must match with every
 * term somewhere; it scores the better of the whole query taken as one phrase
 * and 0.9 × the mean of its terms' scores, so words found together and in
 * order beat the same words found apart. Ties go to the shorter name, then to
 * the entity ref in code-unit order.
 */
export class LookupIndex {
  /** Builds the index of one run; keeps only what matches need, not the results themselves. */
  static build(runId: number, entities: Iterable<EntityResult>): LookupIndex {
    const builder = LookupIndex.builder(runId);
    for (const entity of entities) {
      builder.add(entity);
    }
    return builder.build();
  }

  /**
   * Builds the index of one run an entity at a time, so that a caller can
   * read the run page by page and let other work in between pages.
   */
  static builder(runId: number): {
    add(entity: EntityResult): void;
    build(): LookupIndex;
  } {
    const entries: Entry[] = [];
    const oncall = new Map<string, OnCallRecord>();
    const byRef = new Map<string, number>();
    const trigrams = TrigramIndex.builder();
    return {
      add(entity: EntityResult) {
        const entry = toEntry(entity);
        byRef.set(entry.ref, entries.length);
        entries.push(entry);
        trigrams.add(entry.haystack);
        if (entity.oncallSubject) {
          oncall.set(entity.entityRef, {
            subject: entity.oncallSubject,
            ...(entity.oncall && { stored: entity.oncall }),
          });
        }
      },
      build() {
        return new LookupIndex(runId, entries, oncall, trigrams.build(), byRef);
      },
    };
  }

  private constructor(
    /** The run the index was built from. */
    readonly runId: number,
    private readonly entries: readonly Entry[],
    private readonly oncall: ReadonlyMap<string, OnCallRecord>,
    /** Finds the entries whose haystack holds a term without reading them all. */
    private readonly trigrams: TrigramIndex,
    /** Entry position by lower-cased entity ref, for queries that spell out a ref. */
    private readonly byRef: ReadonlyMap<string, number>,
  ) {}

  /** What an entity's on-call is matched on, and the answer stored with the run. */
  oncallOf(entityRef: string): OnCallRecord | undefined {
    return this.oncall.get(entityRef);
  }

  /** The number of indexed entities. */
  get size(): number {
    return this.entries.length;
  }

  /**
   * The best matches of `query`, best first: at most `limit`, itself capped
   * at {@link MAX_LOOKUP_LIMIT}. An empty query matches nothing.
   */
  search(query: string, limit = 10): LookupMatch[] {
    const max = Math.min(Math.floor(limit), MAX_LOOKUP_LIMIT);
    const phrase = toTerm(query);
    if (!phrase.compact || !(max >= 1)) {
      return [];
    }
    const parts = query.trim().split(WHITESPACE);
    const given =
      parts.length > 1 ? parts.map(toTerm).filter(t => t.compact) : [];
    // A single term is the phrase itself.
    const terms = given.length > 1 ? given : [];

    // Bounded insertion: kept sorted best first, never longer than `max`.
    const top: number[] = [];
    const topScores: number[] = [];
    const consider = (i: number) => {
      const full = top.length === max;
      const floor = full ? topScores[max - 1] : 0;
      const score = scoreEntry(this.entries[i], phrase, terms, floor);
      if (score === 0 || score < floor) {
        return;
      }
      if (full && !this.precedes(i, score, top[max - 1], topScores[max - 1])) {
        return;
      }
      let at = full ? max - 1 : top.length;
      while (
        at > 0 &&
        this.precedes(i, score, top[at - 1], topScores[at - 1])
      ) {
        top[at] = top[at - 1];
        topScores[at] = topScores[at - 1];
        at--;
      }
      top[at] = i;
      topScores[at] = score;
    };
    // The order entries are considered in does not change the answer:
    // `precedes` orders every pair.
    const candidates = this.candidates(phrase, terms);
    if (candidates) {
      for (const i of candidates) {
        consider(i);
      }
    } else {
      for (let i = 0; i < this.entries.length; i++) {
        consider(i);
      }
    }

    return top.map((i, position) => {
      const entry = this.entries[i];
      return {
        ...entry.match,
        owner: {
          ...entry.match.owner,
          contacts: [...entry.match.owner.contacts],
        },
        rank: Math.round(topScores[position]),
        matchedOn: matchedOn(entry, phrase, terms),
      };
    });
  }

  /**
   * The entries that may match, or undefined when every entry may (no term
   * is three characters long). Every match needs each term in the entry's
   * haystack (a phrase match implies its terms), except a term that spells
   * out the entity ref.
   */
  private candidates(
    phrase: Term,
    terms: Term[],
  ): Iterable<number> | undefined {
    const required = terms.length > 0 ? terms : [phrase];
    const found = this.trigrams.candidates(required.map(t => t.compact));
    if (!found) {
      return undefined;
    }
    const byRef = new Set<number>();
    for (const term of [phrase, ...terms]) {
      const i = this.byRef.get(term.lower);
      if (i !== undefined && !includesSorted(found, i)) {
        byRef.add(i);
      }
    }
    return byRef.size > 0 ? [...found, ...byRef] : found;
  }

  private precedes(a: number, scoreA: number, b: number, scoreB: number) {
    if (scoreA !== scoreB) {
      return scoreA > scoreB;
    }
    const entryA = this.entries[a];
    const entryB = this.entries[b];
    if (entryA.nameLength !== entryB.nameLength) {
      return entryA.nameLength < entryB.nameLength;
    }
    return entryA.ref < entryB.ref;
  }
}

/**
 * The entity's score, or any score below `floor` when it cannot reach
 * `floor`: the caller keeps only entities at or above it.
 */
function scoreEntry(
  entry: Entry,
  phrase: Term,
  terms: Term[],
  floor: number,
): number {
  // A phrase match implies every term is in the haystack too.
  for (const term of terms) {
    if (!mayMatch(entry, term)) {
      return 0;
    }
  }
  const score = termScore(entry, phrase, floor);
  if (terms.length === 0 || MAX_SCATTERED_SCORE < floor) {
    return score;
  }
  let sum = 0;
  for (const term of terms) {
    const termBest = termScore(entry, term, 0);
    if (termBest === 0) {
      return score;
    }
    sum += termBest;
  }
  return Math.max(score, (sum / terms.length) * SCATTERED_TERMS_FACTOR);
}

/** Whether ascending `ids` hold `id`. */
function includesSorted(ids: Int32Array, id: number): boolean {
  let low = 0;
  let high = ids.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (ids[mid] === id) {
      return true;
    }
    if (ids[mid] < id) {
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  return false;
}

function mayMatch(entry: Entry, term: Term): boolean {
  return term.lower === entry.ref || entry.haystack.includes(term.compact);
}

function termScore(entry: Entry, term: Term, floor: number): number {
  if (term.lower === entry.ref) {
    return SCORES.name[EXACT];
  }
  const { fields, starts, haystack } = entry;
  let best = 0;
  let i = 0;
  // Visits only the fields that contain the term, found from the haystack.
  let at = haystack.indexOf(term.compact);
  while (at !== -1) {
    while (i + 1 < fields.length && starts[i + 1] <= at) {
      i++;
    }
    const scores = fields[i].scores;
    if (scores[EXACT] <= best || scores[EXACT] < floor) {
      break;
    }
    best = Math.max(best, scores[level(fields[i], term)]);
    if (++i === fields.length) {
      break;
    }
    at = haystack.indexOf(term.compact, starts[i]);
  }
  return best;
}

function level(field: Field, term: Term): number {
  if (field.lower === term.lower) {
    return EXACT;
  }
  const { tails } = field;
  if (!tails[0].includes(term.compact)) {
    return NONE;
  }
  if (tails[0] === term.compact) {
    return LOOSE_EXACT;
  }
  for (let i = 0; i < tails.length; i++) {
    if (tails[i].startsWith(term.compact)) {
      const whole = endsAtWordEnd(tails, i, term.compact.length);
      if (i === 0) {
        return whole ? PREFIX_WHOLE : PREFIX;
      }
      return whole ? WORD_PREFIX_WHOLE : WORD_PREFIX;
    }
  }
  return field.spaced.includes(term.spaced) ? SUBSTRING : NONE;
}

/** Whether `length` characters from the start of `tails[from]` end at the end of a word. */
function endsAtWordEnd(tails: string[], from: number, length: number) {
  const rest = tails[from].length - length;
  for (let j = from + 1; j < tails.length && tails[j].length >= rest; j++) {
    if (tails[j].length === rest) {
      return true;
    }
  }
  return rest === 0;
}

function matchedOn(
  entry: Entry,
  phrase: Term,
  terms: Term[],
): LookupMatch['matchedOn'] {
  const kinds = new Set<FieldKind>();
  if (phrase.lower === entry.ref || terms.some(t => t.lower === entry.ref)) {
    kinds.add('name');
  }
  for (const field of entry.fields) {
    const scores = field.scores;
    if (
      !kinds.has(field.kind) &&
      (scores[level(field, phrase)] > 0 ||
        terms.some(t => scores[level(field, t)] > 0))
    ) {
      kinds.add(field.kind);
    }
  }
  return FIELD_ORDER.filter(kind => kinds.has(kind));
}

function toEntry(entity: EntityResult): Entry {
  const { owner } = entity;
  const runbook = topRunbook(entity.runbooks);
  const name = toField('name', entity.name || nameOfRef(entity.entityRef));
  const fields: Field[] = [];
  const add = (field: Field | undefined, unlessSameAs?: Field) => {
    if (field && field.tails[0] !== unlessSameAs?.tails[0]) {
      fields.push(field);
    }
  };
  add(name);
  add(toField('title', entity.title), name);
  for (const tag of entity.tags) {
    add(toField('tag', tag));
  }
  add(entity.system ? toField('system', nameOfRef(entity.system)) : undefined);
  const ownerRef = owner.entityRef ?? owner.raw;
  const ownerName = ownerRef
    ? toField('owner', nameOfRef(ownerRef))
    : undefined;
  add(ownerName);
  add(owner.title ? toField('owner', owner.title) : undefined, ownerName);

  const starts: number[] = [];
  let start = 0;
  for (const field of fields) {
    starts.push(start);
    start += field.tails[0].length + 1;
  }

  return {
    ref: entity.entityRef.toLowerCase(),
    nameLength: (name?.lower ?? entity.entityRef).length,
    fields,
    haystack: fields.map(f => f.tails[0]).join('\u0000'),
    starts,
    match: {
      entityRef: entity.entityRef,
      kind: entity.kind,
      type: entity.type,
      title: entity.title,
      system: entity.system,
      lifecycle: entity.lifecycle,
      owner: {
        entityRef: owner.entityRef,
        status: owner.status,
        title: owner.title,
        raw: owner.raw,
        contacts: owner.contacts,
      },
      ...(runbook && { topRunbook: runbook }),
    },
  };
}

function words(text: string): string[] {
  const result: string[] = [];
  for (const part of text.split(NON_WORD)) {
    const lower = part.toLowerCase();
    if (lower === part) {
      if (part) {
        result.push(part);
      }
    } else {
      for (const word of part.split(CAMEL_BOUNDARY)) {
        result.push(word.toLowerCase());
      }
    }
  }
  return result;
}

function toField(kind: FieldKind, text: string): Field | undefined {
  const list = words(text);
  if (list.length === 0) {
    return undefined;
  }
  const tails = new Array<string>(list.length);
  let tail = '';
  for (let i = list.length - 1; i >= 0; i--) {
    tail = list[i] + tail;
    tails[i] = tail;
  }
  return {
    kind,
    scores: SCORES[kind],
    lower: normalise(text),
    spaced: list.join(' '),
    tails,
  };
}

function toTerm(text: string): Term {
  const list = words(text);
  return {
    lower: normalise(text),
    compact: list.join(''),
    spaced: list.join(' '),
  };
}

function normalise(text: string): string {
  return text.trim().toLowerCase().split(WHITESPACE).join(' ');
}

/** `group:default/team-a`, `default/team-a` and `team-a` all name `team-a`. */
function nameOfRef(ref: string): string {
  const afterNamespace = ref.slice(ref.lastIndexOf('/') + 1);
  return afterNamespace.slice(afterNamespace.indexOf(':') + 1);
}
