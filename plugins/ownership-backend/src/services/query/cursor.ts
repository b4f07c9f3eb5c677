import { createHash } from 'node:crypto';
import { InvalidParameterError } from './errors';

/** Where a listing continues: the run it reads and the offset in it. */
interface CursorPosition {
  runId: number;
  offset: number;
}

/** A short fingerprint of a selection, so a cursor cannot be reused for another one. */
export function selectionKey(selection: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify(selection))
    .digest('base64url')
    .slice(0, 12);
}

/** Encodes an opaque cursor. */
export function encodeCursor(position: CursorPosition, key: string): string {
  return Buffer.from(
    JSON.stringify({ r: position.runId, o: position.offset, k: key }),
  ).toString('base64url');
}

/**
 * Decodes a cursor made by {@link encodeCursor} for the same selection;
 * throws an {@link InvalidParameterError} otherwise.
 */
export function decodeCursor(cursor: string, key: string): CursorPosition {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  const value = parsed as { r?: unknown; o?: unknown; k?: unknown } | undefined;
  if (
    !value ||
    !Number.isSafeInteger(value.r) ||
    !Number.isSafeInteger(value.o) ||
    (value.o as number) < 0
  ) {
    throw new InvalidParameterError(
      'cursor',
      'not a cursor returned by this API',
    );
  }
  if (value.k !== key) {
    throw new InvalidParameterError(
      'cursor',
      'it belongs to a listing with other filters; start again without a cursor',
    );
  }
  return { runId: value.r as number, offset: value.o as number };
}
