import type { Config } from '@backstage/config';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';

/** The policies the backend can run. */
const POLICY_NAMES = ['allow-all', 'example'] as const;

/** Which permission policy to run, from `permission.policy`. */
type PolicySettings =
  | { name: 'allow-all' }
  | { name: 'example'; adminGroups: string[] };

/**
 * Reads `permission.policy` (`allow-all` or `example`; `example` when
 * absent, so that a forgotten setting does not open everything) and, for the
 * example policy, `permission.examplePolicy.adminGroups`. Bad values fail
 * the start with a message naming the key.
 */
export function readPolicyConfig(config: Config): PolicySettings {
  const name = config.getOptionalString('permission.policy') ?? 'example';
  if (!(POLICY_NAMES as readonly string[]).includes(name)) {
    throw new Error(
      `Invalid config permission.policy: "${name}"; use one of ${POLICY_NAMES.join(
        ', ',
      )}`,
    );
  }
  if (name === 'allow-all') {
    return { name };
  }
  const groups =
    config.getOptionalStringArray('permission.examplePolicy.adminGroups') ?? [];
  const adminGroups = groups.map(group => {
    try {
      const ref = parseEntityRef(group, {
        defaultKind: 'group',
        defaultNamespace: 'default',
      });
      if (ref.kind.toLocaleLowerCase('en-US') !== 'group') {
        throw new Error(`it names a ${ref.kind}`);
      }
      return stringifyEntityRef(ref).toLocaleLowerCase('en-US');
    } catch (error) {
      throw new Error(
        `Invalid config permission.examplePolicy.adminGroups: "${group}" is not a Group ref (${
          (error as Error).message
        })`,
      );
    }
  });
  return { name: 'example', adminGroups };
}
