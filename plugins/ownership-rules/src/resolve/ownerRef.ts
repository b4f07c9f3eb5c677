import { kindOfRef, nameOfRef, toFullRef } from './refs';

/**
 * Owner values that mean "nobody", compared case-insensitively.
 *
 * @public
 */
export const DEFAULT_OWNER_PLACEHOLDERS = [
  'unknown',
  'tbd',
  'todo',
  'none',
  'n/a',
  'unowned',
];

/**
 * What `spec.owner` says before anyone looks it up in a catalog.
 *
 * @public
 */
export type WrittenOwner =
  | { status: 'missing'; raw?: string }
  | { status: 'malformed'; raw: string }
  | { status: 'ref'; raw: string; ref: string; kind: string };

/**
 * Reads `spec.owner` the way the catalog does: a short ref defaults to kind
 * Group and the entity's own namespace, refs are lower-cased, and a
 * placeholder (as written or as the ref's name) means missing.
 *
 * @public
 */
export function readOwnerRef(
  raw: unknown,
  namespace: string,
  placeholders: ReadonlySet<string>,
): WrittenOwner {
  if (typeof raw !== 'string' || !raw.trim()) {
    return { status: 'missing' };
  }
  const ref = toFullRef(raw, {
    defaultKind: 'group',
    defaultNamespace: namespace,
  });
  const written = raw.trim().toLocaleLowerCase('en-US');
  if (
    placeholders.has(written) ||
    (ref !== undefined && placeholders.has(nameOfRef(ref)))
  ) {
    return { status: 'missing', raw };
  }
  return ref
    ? { status: 'ref', raw, ref, kind: kindOfRef(ref) }
    : { status: 'malformed', raw };
}
