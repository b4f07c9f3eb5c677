import type {
  AuditRun,
  Finding,
  FindingRecord,
  MaturityLevel,
  OwnerDetails,
  ReadingList,
  ReadingListSource,
  ServiceSummary,
  Severity,
  TeamRollup,
} from '@ownership-portal/plugin-ownership-common';
import type { Knex } from 'knex';
import type { EntityResult, TeamResult } from './types';

/*
 * Table rows and their mapping to and from the contract types. Internal to
 * the database folder.
 */

export const RUNS = 'ownership_runs';
export const ENTITIES = 'ownership_entity_results';
export const FINDINGS = 'ownership_findings';
export const TEAMS = 'ownership_team_results';
export const DOCUMENT_REFS = 'ownership_document_refs';

/** Rows per multi-row insert: below SQLite's 500 compound selects and its variable limit. */
const MAX_ROWS_PER_INSERT = 400;
const MAX_VARIABLES_PER_STATEMENT = 30_000;
/** Values per `IN (...)` list. */
export const MAX_IN_LIST = 500;

export type RunRow = {
  id: number | string;
  status: AuditRun['status'];
  trigger: AuditRun['trigger'];
  triggered_by: string | null;
  started_at: Date | string | number;
  finished_at: Date | string | number | null;
  processed: number;
  total: number | null;
  error: string | null;
  figures?: string | null;
  heartbeat_at?: Date | string | number | null;
};

export type EntityRow = {
  run_id: number;
  entity_ref: string;
  kind: string;
  type: string | null;
  name: string;
  namespace: string;
  title: string;
  lifecycle: string | null;
  system: string | null;
  owner_ref: string | null;
  owner_status: OwnerDetails['status'];
  owner_title: string | null;
  owner_raw: string | null;
  score: number;
  level: number;
  finding_count: number;
  error_count: number;
  warning_count: number;
  info_count: number;
  search_text: string;
  details: string;
};

/** The parts of an {@link EntityResult} kept as JSON. */
type EntityDetails = Pick<
  EntityResult,
  | 'description'
  | 'tags'
  | 'suggestedOwner'
  | 'dependsOn'
  | 'dependents'
  | 'oncall'
  | 'oncallSubject'
  | 'runbooks'
  | 'adrs'
  | 'adrProblems'
  | 'adrRead'
  | 'techDebt'
  | 'codeowners'
> & {
  owner: Omit<OwnerDetails, 'entityRef' | 'status' | 'title' | 'raw'>;
};

export type FindingRow = {
  run_id: number;
  entity_ref: string;
  position: number;
  rule_id: string;
  severity: Severity;
  message: string;
  remediation: string;
};

export type TeamRow = {
  run_id: number;
  team_ref: string;
  title: string;
  parent_ref: string | null;
  service_count: number;
  direct_service_count: number;
  error_count: number;
  warning_count: number;
  info_count: number;
  score: number;
  member_count: number;
  levels: string;
  details: string;
};

type TeamDetails = Pick<
  TeamResult,
  'members' | 'contacts' | 'subGroups' | 'annotations' | 'readingList'
>;

/** An ISO-8601 timestamp from whatever the driver returns (Date, string or epoch millis). */
export function toIso(value: Date | string | number): string {
  return new Date(value).toISOString();
}

/** Splits a list into chunks of at most `size`. */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) {
    chunks.push(items.slice(i, i + size));
  }
  return chunks;
}

/** Inserts rows in multi-row statements small enough for every supported database. */
export async function insertInBatches(
  trx: Knex.Transaction,
  table: string,
  rows: object[],
): Promise<void> {
  if (rows.length === 0) {
    return;
  }
  const columns = Object.keys(rows[0]).length;
  const size = Math.max(
    1,
    Math.min(
      MAX_ROWS_PER_INSERT,
      Math.floor(MAX_VARIABLES_PER_STATEMENT / columns),
    ),
  );
  for (const batch of chunk(rows, size)) {
    await trx(table).insert(batch);
  }
}

/** Escapes `\`, `%` and `_` for `LIKE ... ESCAPE '\'`. */
export function likePattern(q: string): string {
  return `%${q.toLowerCase().replace(/[\\%_]/g, c => `\\${c}`)}%`;
}

export function toRunRecord(row: RunRow): AuditRun {
  return {
    id: Number(row.id),
    status: row.status,
    trigger: row.trigger,
    ...(row.triggered_by && { triggeredBy: row.triggered_by }),
    startedAt: toIso(row.started_at),
    ...(row.finished_at !== null && { finishedAt: toIso(row.finished_at) }),
    processed: row.processed,
    ...(row.total !== null && { total: row.total }),
    ...(row.error && { error: row.error }),
  };
}

function searchText(entity: EntityResult): string {
  return [
    entity.name,
    entity.title,
    ...entity.tags,
    entity.system,
    entity.owner.entityRef,
    entity.owner.title,
    entity.owner.raw,
  ]
    .filter((part): part is string => Boolean(part))
    .join('\n')
    .toLowerCase();
}

export function toEntityRow(runId: number, entity: EntityResult): EntityRow {
  const { entityRef, status, title, raw, ...owner } = entity.owner;
  const counts = { error: 0, warning: 0, info: 0 };
  for (const finding of entity.findings) {
    counts[finding.severity] += 1;
  }
  const details: EntityDetails = {
    owner,
    description: entity.description,
    tags: entity.tags,
    suggestedOwner: entity.suggestedOwner,
    dependsOn: entity.dependsOn,
    dependents: entity.dependents,
    oncall: entity.oncall,
    oncallSubject: entity.oncallSubject,
    runbooks: entity.runbooks,
    adrs: entity.adrs,
    adrProblems: entity.adrProblems,
    adrRead: entity.adrRead,
    techDebt: entity.techDebt,
    codeowners: entity.codeowners,
  };
  return {
    run_id: runId,
    entity_ref: entity.entityRef.toLowerCase(),
    kind: entity.kind,
    type: entity.type ?? null,
    name: entity.name,
    namespace: entity.namespace,
    title: entity.title,
    lifecycle: entity.lifecycle ?? null,
    system: entity.system ?? null,
    owner_ref: entityRef?.toLowerCase() ?? null,
    owner_status: status,
    owner_title: title ?? null,
    owner_raw: raw ?? null,
    score: entity.score,
    level: entity.level,
    finding_count: entity.findings.length,
    error_count: counts.error,
    warning_count: counts.warning,
    info_count: counts.info,
    search_text: searchText(entity),
    details: JSON.stringify(details),
  };
}

type DocumentRefRow = {
  run_id: number;
  url: string;
  entity_ref: string;
};

/** The longest document URL kept, in bytes; `/documents` takes URLs of up to 2000 characters. */
const MAX_DOCUMENT_URL_BYTES = 2000;

/**
 * The local (`file:`) documents the run's entities name: runbooks, ADRs and
 * debt registers, each pair of URL and naming entity once. A runbook an
 * entity inherits from its owning Group (`team-link`) is named by that
 * Group, so only callers who may read the Group may open it.
 */
export function toDocumentRefRows(
  runId: number,
  entities: EntityResult[],
): DocumentRefRow[] {
  const rows = new Map<string, DocumentRefRow>();
  const add = (url: string | undefined, entityRef: string) => {
    if (
      typeof url === 'string' &&
      url.startsWith('file:') &&
      Buffer.byteLength(url) <= MAX_DOCUMENT_URL_BYTES
    ) {
      rows.set(`${url}\n${entityRef}`, {
        run_id: runId,
        url,
        entity_ref: entityRef,
      });
    }
  };
  for (const entity of entities) {
    const own = entity.entityRef.toLowerCase();
    const team = entity.owner.entityRef?.toLowerCase();
    for (const runbook of entity.runbooks ?? []) {
      add(runbook.url, runbook.source === 'team-link' && team ? team : own);
    }
    for (const adr of entity.adrs ?? []) {
      add(adr.url, own);
    }
    add(entity.techDebt?.registerUrl, own);
  }
  return [...rows.values()];
}

export function toFindingRows(
  runId: number,
  entity: EntityResult,
): FindingRow[] {
  return entity.findings.map((finding, position) => ({
    run_id: runId,
    entity_ref: entity.entityRef.toLowerCase(),
    position,
    rule_id: finding.ruleId,
    severity: finding.severity,
    message: finding.message,
    remediation: finding.remediation,
  }));
}

export function toTeamRow(runId: number, team: TeamResult): TeamRow {
  const details: TeamDetails = {
    members: team.members,
    contacts: team.contacts,
    subGroups: team.subGroups,
    annotations: team.annotations,
    readingList: team.readingList,
  };
  return {
    run_id: runId,
    team_ref: team.entityRef.toLowerCase(),
    title: team.title,
    parent_ref: team.parent ?? null,
    service_count: team.serviceCount,
    direct_service_count: team.directServiceCount,
    error_count: team.findings.error,
    warning_count: team.findings.warning,
    info_count: team.findings.info,
    score: team.score,
    member_count: team.memberCount,
    levels: JSON.stringify(team.levels),
    details: JSON.stringify(details),
  };
}

export function toFinding(row: FindingRow): Finding {
  return {
    ruleId: row.rule_id,
    severity: row.severity,
    message: row.message,
    remediation: row.remediation,
  };
}

export function toServiceSummary(
  row: EntityRow,
  findings: Finding[],
): ServiceSummary {
  return {
    entityRef: row.entity_ref,
    kind: row.kind,
    ...(row.type !== null && { type: row.type }),
    title: row.title,
    ...(row.lifecycle !== null && { lifecycle: row.lifecycle }),
    ...(row.system !== null && { system: row.system }),
    owner: {
      ...(row.owner_ref !== null && { entityRef: row.owner_ref }),
      status: row.owner_status,
      ...(row.owner_title !== null && { title: row.owner_title }),
      ...(row.owner_raw !== null && { raw: row.owner_raw }),
    },
    score: Number(row.score),
    level: Number(row.level) as MaturityLevel,
    findings,
  };
}

export function toEntityResult(
  row: EntityRow,
  findings: Finding[],
): EntityResult {
  const summary = toServiceSummary(row, findings);
  const details: EntityDetails = JSON.parse(row.details);
  return {
    ...summary,
    namespace: row.namespace,
    name: row.name,
    ...(details.description !== undefined && {
      description: details.description,
    }),
    tags: details.tags,
    owner: { ...summary.owner, ...details.owner },
    ...(details.suggestedOwner && { suggestedOwner: details.suggestedOwner }),
    dependsOn: details.dependsOn,
    dependents: details.dependents,
    ...(details.oncall && { oncall: details.oncall }),
    ...(details.oncallSubject && { oncallSubject: details.oncallSubject }),
    ...(details.runbooks && { runbooks: details.runbooks }),
    ...(details.adrs && { adrs: details.adrs }),
    ...(details.adrProblems && { adrProblems: details.adrProblems }),
    ...(details.adrRead && { adrRead: details.adrRead }),
    ...(details.techDebt && { techDebt: details.techDebt }),
    ...(details.codeowners && { codeowners: details.codeowners }),
  };
}

export function toFindingRecord(
  row: FindingRow &
    Pick<EntityRow, 'kind' | 'title' | 'lifecycle' | 'owner_ref'>,
): FindingRecord {
  return {
    ...toFinding(row),
    entityRef: row.entity_ref,
    kind: row.kind,
    title: row.title,
    ...(row.lifecycle !== null && { lifecycle: row.lifecycle }),
    ...(row.owner_ref !== null && { ownerRef: row.owner_ref }),
  };
}

export function toTeamRollup(row: TeamRow): TeamRollup {
  return {
    entityRef: row.team_ref,
    title: row.title,
    ...(row.parent_ref !== null && { parent: row.parent_ref }),
    serviceCount: Number(row.service_count),
    directServiceCount: Number(row.direct_service_count),
    findings: {
      error: Number(row.error_count),
      warning: Number(row.warning_count),
      info: Number(row.info_count),
    },
    levels: JSON.parse(row.levels) as TeamRollup['levels'],
    score: Number(row.score),
    memberCount: Number(row.member_count),
  };
}

export function toTeamResult(row: TeamRow): TeamResult {
  const details: TeamDetails = JSON.parse(row.details);
  return {
    ...toTeamRollup(row),
    ...details,
    ...(details.readingList && {
      readingList: withSources(details.readingList),
    }),
  };
}

/** Runs stored before `entityRefs` existed name one service per document. */
function withSources(list: ReadingList): ReadingList {
  const fill = <T extends ReadingListSource>(item: T): T => ({
    ...item,
    entityRefs: item.entityRefs ?? [item.entityRef],
  });
  return { runbooks: list.runbooks.map(fill), adrs: list.adrs.map(fill) };
}
