import type { Config } from '@backstage/config';

/** What the audit covers, from `ownership.scope`. */
export interface AuditScope {
  /** Entity kinds to audit, as the catalog spells them. */
  kinds: string[];
  /** Component types that need on-call and runbooks. */
  operationalTypes: string[];
}

export const DEFAULT_SCOPE: AuditScope = {
  kinds: ['Component', 'System', 'API', 'Resource'],
  operationalTypes: ['service', 'website'],
};

function readList(config: Config, key: string, fallback: string[]): string[] {
  const values = config.getOptionalStringArray(key);
  if (values === undefined) {
    return fallback;
  }
  const cleaned = values.map(v => v.trim()).filter(Boolean);
  if (cleaned.length === 0) {
    throw new Error(
      `Invalid config at ${key}: the list must name at least one value`,
    );
  }
  return [...new Set(cleaned)];
}

/**
 * Reads `ownership.scope`, falling back to the defaults for absent keys.
 * Throws an error naming the key when a value is invalid.
 */
export function readScopeConfig(config: Config): AuditScope {
  return {
    kinds: readList(config, 'ownership.scope.kinds', DEFAULT_SCOPE.kinds),
    operationalTypes: readList(
      config,
      'ownership.scope.operationalTypes',
      DEFAULT_SCOPE.operationalTypes,
    ).map(t => t.toLocaleLowerCase('en-US')),
  };
}
