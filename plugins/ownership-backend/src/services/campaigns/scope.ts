import type {
  CampaignScope,
  CampaignScopeFilter,
} from '@ownership-portal/plugin-ownership-common';
import { fullRef } from './fullRef';

/** What the scope of a campaign looks at in an entity. */
interface ScopeSubject {
  kind: string;
  lifecycle?: string;
  /** Full, lower-case System ref. */
  system?: string;
  /** Full, lower-case owner ref. */
  team: string;
}

const REF_KEYS = { systems: 'system', teams: 'group' } as const;

function normaliseFilter(
  filter: CampaignScopeFilter | undefined,
  path: string,
): CampaignScopeFilter | undefined {
  if (!filter) {
    return undefined;
  }
  const out: CampaignScopeFilter = {};
  for (const key of ['kinds', 'lifecycles'] as const) {
    if (filter[key]?.length) {
      out[key] = filter[key]!.map(v => v.trim().toLocaleLowerCase('en-US'));
    }
  }
  for (const key of ['systems', 'teams'] as const) {
    const values = filter[key];
    if (!values?.length) {
      continue;
    }
    out[key] = values.map((value, i) =>
      fullRef(value, `${path}.${key}[${i}]`, REF_KEYS[key]),
    );
  }
  return Object.keys(out).length ? out : undefined;
}

/**
 * Checks a scope and writes its values the way entities are compared:
 * lower case, refs in full (`payments` in `teams` is `group:default/payments`).
 * Throws an `InputError` naming the field for a value that is not a ref.
 */
export function normaliseScope(
  scope: CampaignScope | undefined,
): CampaignScope {
  const include = normaliseFilter(scope?.include, 'scope.include');
  const exclude = normaliseFilter(scope?.exclude, 'scope.exclude');
  return {
    ...(include && { include }),
    ...(exclude && { exclude }),
    ...(scope?.includeSubgroups === false && { includeSubgroups: false }),
  };
}

function matches(
  subject: ScopeSubject,
  filter: CampaignScopeFilter,
  teamsOf: (team: string) => string[],
): boolean {
  const kind = subject.kind.toLocaleLowerCase('en-US');
  const lifecycle = subject.lifecycle?.toLocaleLowerCase('en-US');
  if (filter.kinds && !filter.kinds.includes(kind)) {
    return false;
  }
  if (
    filter.lifecycles &&
    !(lifecycle && filter.lifecycles.includes(lifecycle))
  ) {
    return false;
  }
  if (
    filter.systems &&
    !(subject.system && filter.systems.includes(subject.system))
  ) {
    return false;
  }
  if (
    filter.teams &&
    !filter.teams.some(t => teamsOf(t).includes(subject.team))
  ) {
    return false;
  }
  return true;
}

/**
 * Whether an entity is in a (normalised) scope: it matches every key of
 * `include` and not all keys of `exclude`.
 *
 * @param descendants - a Group's sub-groups at any depth
 */
export function inScope(
  subject: ScopeSubject,
  scope: CampaignScope,
  descendants: (groupRef: string) => string[],
): boolean {
  const teamsOf = (team: string) =>
    scope.includeSubgroups === false ? [team] : [team, ...descendants(team)];
  if (scope.include && !matches(subject, scope.include, teamsOf)) {
    return false;
  }
  return !(scope.exclude && matches(subject, scope.exclude, teamsOf));
}
