import type {
  ReadingList,
  ReadingListSource,
  RunFigures,
  SeverityCounts,
} from '@ownership-portal/plugin-ownership-common';
import type { EntityResult, TeamResult } from '../../database/types';
import type { OrgDirectory } from '../../org/OrgDirectory';

type Levels = [number, number, number, number, number];

function emptyCounts(): SeverityCounts {
  return { error: 0, warning: 0, info: 0 };
}

function addFindings(counts: SeverityCounts, entity: EntityResult) {
  for (const finding of entity.findings) {
    counts[finding.severity] += 1;
  }
}

function average(values: number[]): number {
  return values.length === 0
    ? 100
    : Math.round(values.reduce((sum, v) => sum + v, 0) / values.length);
}

/** Per-team figures; a team's figures include the services of its sub-groups. */
export function teamRollups(
  org: OrgDirectory,
  entities: EntityResult[],
  keepAnnotations: (
    all?: Record<string, string>,
  ) => Record<string, string> = () => ({}),
): TeamResult[] {
  const byOwner = new Map<string, EntityResult[]>();
  for (const entity of entities) {
    const owner = entity.owner.entityRef;
    if (owner && entity.owner.kind === 'Group') {
      const list = byOwner.get(owner) ?? [];
      list.push(entity);
      byOwner.set(owner, list);
    }
  }
  return [...org.groups.values()].map(group => {
    const subGroups = org.descendants(group.ref);
    const owned = [group.ref, ...subGroups].flatMap(
      ref => byOwner.get(ref) ?? [],
    );
    const findings = emptyCounts();
    const levels: Levels = [0, 0, 0, 0, 0];
    for (const entity of owned) {
      addFindings(findings, entity);
      levels[entity.level] += 1;
    }
    const members = org.membersOf(group.ref);
    return {
      entityRef: group.ref,
      title: group.title,
      ...(group.parent && { parent: group.parent }),
      serviceCount: owned.length,
      directServiceCount: byOwner.get(group.ref)?.length ?? 0,
      findings,
      levels,
      score: average(owned.map(e => e.score)),
      memberCount: members.length,
      members,
      contacts: group.contacts,
      subGroups,
      annotations: keepAnnotations(group.entity.metadata.annotations),
      readingList: readingList(owned),
    };
  });
}

/**
 * The runbooks and ADRs of a team's services, each once with every service
 * it belongs to (by entity ref, so that the list does not change with the
 * catalog's order), decisions newest first.
 */
export function readingList(entities: EntityResult[]): ReadingList {
  const runbooks = new Map<string, ReadingList['runbooks'][number]>();
  const adrs = new Map<string, ReadingList['adrs'][number]>();
  const add = <T extends { url: string }>(
    into: Map<string, T & ReadingListSource>,
    doc: T,
    entityRef: string,
  ) => {
    const listed = into.get(doc.url);
    if (listed) {
      listed.entityRefs.push(entityRef);
    } else {
      into.set(doc.url, { ...doc, entityRef, entityRefs: [entityRef] });
    }
  };
  const byRef = [...entities].sort((a, b) =>
    a.entityRef.localeCompare(b.entityRef, 'en'),
  );
  for (const entity of byRef) {
    for (const runbook of entity.runbooks ?? []) {
      add(runbooks, runbook, entity.entityRef);
    }
    for (const adr of entity.adrs ?? []) {
      add(adrs, adr, entity.entityRef);
    }
  }
  return {
    runbooks: [...runbooks.values()],
    adrs: [...adrs.values()].sort((a, b) =>
      (b.date ?? '').localeCompare(a.date ?? ''),
    ),
  };
}

/** Org-wide figures of a run. */
export function runFigures(entities: EntityResult[]): RunFigures {
  const figures: RunFigures = {
    services: entities.length,
    validOwner: 0,
    byRule: {},
    entitiesByRule: {},
    findings: emptyCounts(),
    levels: [0, 0, 0, 0, 0],
    averageScore: average(entities.map(e => e.score)),
  };
  for (const entity of entities) {
    if (entity.owner.status === 'ok') {
      figures.validOwner += 1;
    }
    figures.levels[entity.level] += 1;
    addFindings(figures.findings, entity);
    for (const finding of entity.findings) {
      figures.byRule[finding.ruleId] =
        (figures.byRule[finding.ruleId] ?? 0) + 1;
    }
    for (const ruleId of new Set(entity.findings.map(f => f.ruleId))) {
      figures.entitiesByRule[ruleId] =
        (figures.entitiesByRule[ruleId] ?? 0) + 1;
    }
  }
  return figures;
}
