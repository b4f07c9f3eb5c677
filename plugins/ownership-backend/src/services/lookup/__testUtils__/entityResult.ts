import type { OwnerDetails } from '@ownership-portal/plugin-ownership-common';
import type { EntityResult } from '../../../database/types';

/**
 * An `EntityResult` for tests: a healthy `Component` in namespace `default`
 * owned by `group:default/team-a`, with `overrides` applied on top. The entity
 * ref follows kind, namespace and name unless given.
 */
export function entityResult(
  name: string,
  overrides: Partial<Omit<EntityResult, 'owner'>> & {
    owner?: Partial<OwnerDetails>;
  } = {},
): EntityResult {
  const { owner, ...rest } = overrides;
  const kind = rest.kind ?? 'Component';
  const namespace = rest.namespace ?? 'default';
  return {
    entityRef: `${kind}:${namespace}/${name}`.toLowerCase(),
    kind,
    namespace,
    name,
    type: 'service',
    title: name,
    lifecycle: 'production',
    tags: [],
    score: 100,
    level: 4,
    findings: [],
    dependsOn: [],
    dependents: [],
    ...rest,
    owner: {
      entityRef: 'group:default/team-a',
      status: 'ok',
      title: 'Team A',
      raw: 'team-a',
      kind: 'Group',
      members: [],
      contacts: [],
      parents: [],
      ...owner,
    },
  };
}
