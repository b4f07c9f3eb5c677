import { stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';

/** A full, lower-case entity ref from `:kind/:namespace/:name` path parameters. */
export function refFromPath(params: {
  kind?: string;
  namespace?: string;
  name?: string;
}): string {
  const { kind, namespace, name } = params;
  if (!kind || !namespace || !name) {
    throw new InputError('Invalid path: expected /:kind/:namespace/:name');
  }
  return stringifyEntityRef({ kind, namespace, name }).toLocaleLowerCase(
    'en-US',
  );
}
