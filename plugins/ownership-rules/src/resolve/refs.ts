import {
  type Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';

// An audit asks for the same refs many times per entity; parsing them is a
// visible share of its time at 100,000 entities.
const ownRefs = new WeakMap<Entity, string>();
const fullRefs = new Map<string, string | undefined>();
const MAX_REMEMBERED_REFS = 200_000;

/**
 * The entity's own full ref, lower-cased as the catalog compares refs.
 *
 * @public
 */
export function refOf(entity: Entity): string {
  let ref = ownRefs.get(entity);
  if (ref === undefined) {
    ref = stringifyEntityRef(entity).toLocaleLowerCase('en-US');
    ownRefs.set(entity, ref);
  }
  return ref;
}

/**
 * Turns a possibly short ref (`payments`, `user:alice`) into a full lower-case
 * ref, or `undefined` when it is malformed.
 *
 * @public
 */
export function toFullRef(
  value: unknown,
  defaults: { defaultKind: string; defaultNamespace: string },
): string | undefined {
  if (typeof value !== 'string') {
    return undefined;
  }
  const key = `${defaults.defaultKind}\u0000${defaults.defaultNamespace}\u0000${value}`;
  if (fullRefs.has(key)) {
    return fullRefs.get(key);
  }
  const ref = parseFullRef(value, defaults);
  if (fullRefs.size >= MAX_REMEMBERED_REFS) {
    fullRefs.clear();
  }
  fullRefs.set(key, ref);
  return ref;
}

function parseFullRef(
  value: string,
  defaults: { defaultKind: string; defaultNamespace: string },
): string | undefined {
  if (!value.trim()) {
    return undefined;
  }
  try {
    return stringifyEntityRef(
      parseEntityRef(value.trim(), defaults),
    ).toLocaleLowerCase('en-US');
  } catch {
    return undefined;
  }
}

/**
 * The kind part of a full ref.
 *
 * @public
 */
export function kindOfRef(ref: string): string {
  return ref.slice(0, ref.indexOf(':'));
}

/**
 * The name part of a full ref.
 *
 * @public
 */
export function nameOfRef(ref: string): string {
  return ref.slice(ref.indexOf('/') + 1);
}

/**
 * Non-empty strings of a value that should be a string list.
 *
 * @public
 */
export function stringList(value: unknown): string[] {
  return Array.isArray(value)
    ? value.filter((v): v is string => typeof v === 'string' && !!v.trim())
    : [];
}
