import {
  type Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';

/**
 * The entity's own full ref, lower-cased as the catalog compares refs.
 *
 * @public
 */
export function refOf(entity: Entity): string {
  return stringifyEntityRef(entity).toLocaleLowerCase('en-US');
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
  if (typeof value !== 'string' || !value.trim()) {
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
