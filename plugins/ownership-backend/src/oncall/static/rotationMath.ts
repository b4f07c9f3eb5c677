import type { Rotation } from './types';

/**
 * Who is on call during a stretch of time, in epoch milliseconds; `member`
 * is absent for a hole. `-Infinity` and `Infinity` mean open-ended (before
 * the rotation starts, after it ends).
 */
export interface Span {
  member?: string;
  from: number;
  to: number;
}

/** A stretch of time with one person on call, or nobody when `member` is absent. */
interface RotationSegment {
  member?: string;
  from: Date;
  to: Date;
}

/**
 * Who is on call at an instant and the effective segment that instant lies
 * in; `from` or `to` is absent when the segment is open-ended.
 */
interface RotationOnCall {
  member?: string;
  from?: Date;
  to?: Date;
}

interface Piece extends Span {
  /** What decided the member: a shift, an override, or before/after the rotation. */
  origin: string;
}

const CALENDAR_UNITS = ['years', 'quarters', 'months', 'weeks', 'days'];
const fixedLengths = new WeakMap<Rotation, number | undefined>();

/** The shift's length in ms when it has no calendar units (e.g. PT12H). */
function fixedLength(rotation: Rotation): number | undefined {
  if (!fixedLengths.has(rotation)) {
    const units = Object.entries(rotation.shift.toObject());
    const calendar = units.some(([u, v]) => CALENDAR_UNITS.includes(u) && v);
    fixedLengths.set(
      rotation,
      calendar ? undefined : rotation.shift.toMillis(),
    );
  }
  return fixedLengths.get(rotation);
}

/**
 * Start of shift `k` in epoch ms. Calendar units (days, weeks, months) are
 * added in the rotation's zone, keeping the local hand-off time across DST;
 * time units (hours, minutes) are real elapsed time.
 */
function shiftStart(rotation: Rotation, k: number): number {
  const fixed = fixedLength(rotation);
  return fixed !== undefined
    ? rotation.start.toMillis() + k * fixed
    : rotation.start.plus(rotation.shift.mapUnits(x => x * k)).toMillis();
}

/**
 * The shift that covers `instant` (epoch ms, not before the rotation's
 * start): the largest k with `shiftStart(k) <= instant`.
 */
function shiftIndexAt(rotation: Rotation, instant: number): number {
  const origin = rotation.start.toMillis();
  // Calendar units make shifts uneven (DST, month lengths): estimate, then step.
  let k = Math.max(
    0,
    Math.floor((instant - origin) / rotation.shift.toMillis()),
  );
  while (k > 0 && shiftStart(rotation, k) > instant) {
    k--;
  }
  while (shiftStart(rotation, k + 1) <= instant) {
    k++;
  }
  return k;
}

/**
 * The rotation without overrides, from the piece that covers `instant`: the
 * hole before the start, the shifts (one piece for a single member), the
 * hole after the end.
 */
function* basePieces(rotation: Rotation, instant: number): Generator<Piece> {
  const start = rotation.start.toMillis();
  const end = rotation.end?.getTime() ?? Infinity;
  if (instant < start) {
    yield { from: -Infinity, to: start, origin: 'before' };
  }
  if (new Set(rotation.members).size === 1) {
    // Nobody to hand off to: one piece from start to end, not a shift each.
    yield {
      member: rotation.members[0],
      from: start,
      to: end,
      origin: 'shift',
    };
  } else {
    yield* shiftPieces(rotation, Math.max(instant, start), end);
  }
  if (end < Infinity) {
    yield { from: end, to: Infinity, origin: 'after' };
  }
}

/** Shifts from the one covering `instant` until `end`, cut short there. */
function* shiftPieces(
  rotation: Rotation,
  instant: number,
  end: number,
): Generator<Piece> {
  let k = shiftIndexAt(rotation, instant);
  let from = shiftStart(rotation, k);
  while (from < end) {
    const to = shiftStart(rotation, k + 1);
    yield {
      member: rotation.members[k % rotation.members.length],
      from,
      to: Math.min(to, end),
      origin: `shift:${k}`,
    };
    k++;
    from = to;
  }
}

/** Cuts a piece where overrides begin and end; the last listed override wins. */
function* cut(piece: Piece, overrides: Piece[]): Generator<Piece> {
  const relevant = overrides.filter(
    o => o.from < piece.to && o.to > piece.from,
  );
  if (!relevant.length) {
    yield piece;
    return;
  }
  const points = [
    ...new Set([
      piece.from,
      piece.to,
      ...relevant
        .flatMap(o => [o.from, o.to])
        .filter(p => p > piece.from && p < piece.to),
    ]),
  ].sort((a, b) => a - b);
  for (let i = 0; i + 1 < points.length; i++) {
    const from = points[i];
    const to = points[i + 1];
    const top = relevant.findLast(o => o.from <= from && o.to > from);
    yield top ? { ...top, from, to } : { ...piece, from, to };
  }
}

function toSpan(piece: Piece): Span {
  return piece.member
    ? { member: piece.member, from: piece.from, to: piece.to }
    : { from: piece.from, to: piece.to };
}

/**
 * The effective segments of a rotation (shifts cut by overrides), starting
 * with the one that covers `instant` and going on for ever (or until the
 * open-ended hole after the rotation's end). Consumers stop iterating.
 */
export function* spansFrom(rotation: Rotation, instant: Date): Generator<Span> {
  const t = instant.getTime();
  const overrides: Piece[] = rotation.overrides.map((o, i) => ({
    ...(o.member ? { member: o.member } : {}),
    from: o.from.getTime(),
    to: o.to.getTime(),
    origin: `override:${i}`,
  }));
  // An override covering `instant` may have begun in an earlier shift.
  const first = Math.min(
    t,
    ...overrides.filter(o => o.from <= t && t < o.to).map(o => o.from),
  );
  let pending: Piece | undefined;
  for (const base of basePieces(rotation, first)) {
    for (const piece of cut(base, overrides)) {
      if (
        pending &&
        pending.origin === piece.origin &&
        pending.to === piece.from
      ) {
        pending.to = piece.to;
        continue;
      }
      if (pending && pending.to > t) {
        yield toSpan(pending);
      }
      pending = { ...piece };
    }
  }
  if (pending && pending.to > t) {
    yield toSpan(pending);
  }
}

/** Who is on call at `instant`, with the effective segment it lies in. */
export function onCallAt(rotation: Rotation, instant: Date): RotationOnCall {
  const { value } = spansFrom(rotation, instant).next();
  const span = value as Span;
  return {
    ...(span.member ? { member: span.member } : {}),
    ...(Number.isFinite(span.from) ? { from: new Date(span.from) } : {}),
    ...(Number.isFinite(span.to) ? { to: new Date(span.to) } : {}),
  };
}

/**
 * The effective segments that tile `[from, to)`, clipped to it: shifts cut
 * into pieces by overrides, and holes (member absent) before the start,
 * after the end and for member-less overrides.
 */
export function shiftsBetween(
  rotation: Rotation,
  from: Date,
  to: Date,
): RotationSegment[] {
  const segments: RotationSegment[] = [];
  for (const span of spansFrom(rotation, from)) {
    if (span.from >= to.getTime()) {
      break;
    }
    segments.push({
      ...(span.member ? { member: span.member } : {}),
      from: new Date(Math.max(span.from, from.getTime())),
      to: new Date(Math.min(span.to, to.getTime())),
    });
  }
  return segments;
}

/**
 * Merges adjacent spans of the same member (or adjacent holes) into runs; the
 * first run starts where the first span does.
 * Yields only runs known to be complete: it stops, leaving out the run in
 * progress, at the first span starting at or after `horizon` or after
 * `maxSpans` spans.
 */
export function* mergeByMember(
  spans: Iterable<Span>,
  limits: { horizon: number; maxSpans: number },
): Generator<Span> {
  let run: Span | undefined;
  let count = 0;
  for (const span of spans) {
    count++;
    if (span.from >= limits.horizon || count > limits.maxSpans) {
      return;
    }
    if (run && run.member === span.member && run.to === span.from) {
      run = { ...run, to: span.to };
      continue;
    }
    if (run) {
      yield run;
    }
    run = { ...span };
  }
  if (run) {
    yield run;
  }
}
