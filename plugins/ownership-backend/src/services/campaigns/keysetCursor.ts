import { selectionKey } from '../query/cursor';
import { InvalidParameterError } from '../query/errors';

/** Encodes where a keyset listing continues, bound to its filters. */
export function encodeKeyset(position: unknown, selection: unknown): string {
  return Buffer.from(
    JSON.stringify({ p: position, k: selectionKey(selection) }),
  ).toString('base64url');
}

/**
 * Decodes a cursor of {@link encodeKeyset} for the same filters; throws an
 * `InvalidParameterError` for anything else, including a cursor of another
 * listing.
 */
export function decodeKeyset<T>(
  cursor: string,
  selection: unknown,
  isPosition: (value: unknown) => value is T,
): T {
  let parsed: { p?: unknown; k?: unknown } | undefined;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  if (!parsed || !isPosition(parsed.p)) {
    throw new InvalidParameterError(
      'cursor',
      'not a cursor returned by this API',
    );
  }
  if (parsed.k !== selectionKey(selection)) {
    throw new InvalidParameterError(
      'cursor',
      'it continues a listing with other filters; start again without it',
    );
  }
  return parsed.p;
}
