import type {
  Finding,
  MaturityLevel,
  OwnerDetails,
  RuleId,
  RunFigures,
  ServiceSummary,
  Severity,
} from '@ownership-portal/plugin-ownership-common';
import type { EntityResult, RunResults, TeamResult } from '../types';

/*
 * Small builders of stored results for the database tests.
 */

/** A finding of a rule; the message names the rule so tests can tell findings apart. */
export function finding(
  ruleId: RuleId,
  severity: Severity = 'error',
  message = `${ruleId} fired`,
): Finding {
  return {
    ruleId,
    severity,
    message,
    remediation: `Fix ${ruleId}`,
  };
}

/** An entity result owned by `group:default/team-a` unless `overrides` say otherwise. */
export function entity(
  name: string,
  overrides: Partial<EntityResult> = {},
): EntityResult {
  const kind = overrides.kind ?? 'Component';
  return {
    entityRef: `${kind.toLowerCase()}:default/${name}`,
    kind,
    type: 'service',
    namespace: 'default',
    name,
    title: name,
    lifecycle: 'production',
    tags: [],
    owner: {
      entityRef: 'group:default/team-a',
      status: 'ok',
      title: 'Team A',
      raw: 'team-a',
      kind: 'Group',
      members: [{ entityRef: 'user:default/alice', title: 'Alice' }],
      contacts: [
        {
          type: 'email',
          label: 'team-a@example.com',
          url: 'mailto:team-a@example.com',
        },
      ],
      parents: [],
    },
    score: 100,
    level: 4,
    findings: [],
    dependsOn: [],
    dependents: [],
    ...overrides,
  };
}

/** Owner details of a group that exists and has one member. */
export function ownedBy(entityRef: string, title: string): OwnerDetails {
  const name = entityRef.slice(entityRef.indexOf('/') + 1);
  return {
    entityRef,
    status: 'ok',
    title,
    raw: name,
    kind: 'Group',
    members: [{ entityRef: `user:default/${name}-lead` }],
    contacts: [],
    parents: [],
  };
}

/** What the listings return for an entity result. */
export function summaryOf(result: EntityResult): ServiceSummary {
  const {
    namespace,
    name,
    description,
    tags,
    suggestedOwner,
    dependsOn,
    dependents,
    owner: { entityRef, status, title, raw },
    ...summary
  } = result;
  return { ...summary, owner: { entityRef, status, title, raw } };
}

/** A team result with no services unless `overrides` say otherwise. */
export function team(
  name: string,
  overrides: Partial<TeamResult> = {},
): TeamResult {
  return {
    entityRef: `group:default/${name}`,
    title: name,
    serviceCount: 0,
    directServiceCount: 0,
    findings: { error: 0, warning: 0, info: 0 },
    levels: [0, 0, 0, 0, 0],
    score: 100,
    memberCount: 1,
    members: [{ entityRef: `user:default/${name}-lead` }],
    contacts: [],
    subGroups: [],
    ...overrides,
  };
}

/** Org-wide figures computed from the entities, as the audit would. */
function figuresOf(entities: EntityResult[]): RunFigures {
  const figures: RunFigures = {
    services: entities.length,
    validOwner: 0,
    byRule: {},
    entitiesByRule: {},
    findings: { error: 0, warning: 0, info: 0 },
    levels: [0, 0, 0, 0, 0],
    averageScore: 0,
  };
  for (const e of entities) {
    if (e.owner.status === 'ok') {
      figures.validOwner += 1;
    }
    figures.levels[e.level as MaturityLevel] += 1;
    figures.averageScore += e.score / entities.length;
    for (const f of e.findings) {
      figures.byRule[f.ruleId] = (figures.byRule[f.ruleId] ?? 0) + 1;
      figures.findings[f.severity] += 1;
    }
    for (const ruleId of new Set(e.findings.map(f => f.ruleId))) {
      figures.entitiesByRule[ruleId] =
        (figures.entitiesByRule[ruleId] ?? 0) + 1;
    }
  }
  return figures;
}

/** The results of a run over these entities and teams. */
export function results(
  entities: EntityResult[],
  teams: TeamResult[] = [],
): RunResults {
  return { entities, teams, figures: figuresOf(entities) };
}

/** A clock for `DatabaseRunStore.create({ now })` that tests move by hand. */
export function manualClock(start: string) {
  let current = new Date(start);
  return {
    now: () => new Date(current),
    set(iso: string | Date) {
      current = new Date(iso);
    },
    advance(ms: number) {
      current = new Date(current.getTime() + ms);
    },
  };
}
