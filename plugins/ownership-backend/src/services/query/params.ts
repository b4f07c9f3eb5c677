import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import type { Severity } from '@ownership-portal/plugin-ownership-common';
import { InvalidParameterError } from './errors';

/** The filters of `/services`, `/findings` and `/export.csv`, as parsed. */
export interface FilterParams {
  /** A group ref or a name in the default namespace. */
  team?: string;
  ruleId: string[];
  severity: Severity[];
  lifecycle: string[];
  kind: string[];
  q?: string;
}

/** A full, lower-case entity ref from a query parameter, defaulting to a kind. */
export function refFromParam(
  name: string,
  value: string,
  defaultKind: string,
): string {
  try {
    return stringifyEntityRef(
      parseEntityRef(value, { defaultKind, defaultNamespace: 'default' }),
    ).toLocaleLowerCase('en-US');
  } catch (error) {
    throw new InvalidParameterError(
      name,
      `"${value}" is not an entity ref (${(error as Error).message})`,
    );
  }
}
