import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';

/**
 * A ref as entities are compared: in full and lower case (`payments` with
 * kind group is `group:default/payments`). Throws an `InputError` naming
 * `field` for a value that is not a ref.
 */
export function fullRef(
  value: string,
  field: string,
  defaultKind: string,
): string {
  try {
    return stringifyEntityRef(
      parseEntityRef(value.trim(), {
        defaultKind,
        defaultNamespace: 'default',
      }),
    ).toLocaleLowerCase('en-US');
  } catch (error) {
    throw new InputError(
      `Invalid ${field}: "${value}" is not an entity ref (${
        (error as Error).message
      })`,
    );
  }
}
