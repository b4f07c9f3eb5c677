import type { Config } from '@backstage/config';
import { DEFAULT_OWNER_PLACEHOLDERS } from '@ownership-portal/plugin-ownership-rules';

/** How owners are resolved, from `ownership.owners`. */
export interface OwnersConfig {
  /** Lower-cased placeholder values that count as a missing owner. */
  placeholders: ReadonlySet<string>;
}

/** Reads `ownership.owners`; throws an error naming the key when invalid. */
export function readOwnersConfig(config: Config): OwnersConfig {
  const key = 'ownership.owners.placeholders';
  const values =
    config.getOptionalStringArray(key) ?? DEFAULT_OWNER_PLACEHOLDERS;
  const cleaned = values.map(v => v.trim().toLocaleLowerCase('en-US'));
  if (cleaned.some(v => !v)) {
    throw new Error(`Invalid config at ${key}: values must not be empty`);
  }
  return { placeholders: new Set(cleaned) };
}
