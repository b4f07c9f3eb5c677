import type {
  Finding,
  FindingRecord,
  HistoryPoint,
  MaturityLevel,
  ServiceSummary,
  TeamRollup,
} from '@ownership-portal/plugin-ownership-common';
import type { Knex } from 'knex';
import {
  chunk,
  DOCUMENT_REFS,
  ENTITIES,
  type EntityRow,
  FINDINGS,
  type FindingRow,
  likePattern,
  MAX_IN_LIST,
  RUNS,
  TEAMS,
  type TeamRow,
  toEntityResult,
  toFinding,
  toFindingRecord,
  toIso,
  toServiceSummary,
  toTeamResult,
  toTeamRollup,
} from './rows';
import type {
  EntityResult,
  EntityStats,
  PageRequest,
  ResultStore,
  ServiceFilter,
  ServiceOrderBy,
  TeamOrderBy,
  TeamResult,
} from './types';

type Direction = 'asc' | 'desc';

const SERVICE_ORDER: Record<ServiceOrderBy, string> = {
  entityRef: 'e.entity_ref',
  title: 'lower(e.title)',
  score: 'e.score',
  level: 'e.level',
  findings: 'e.finding_count',
};

const TEAM_ORDER: Record<TeamOrderBy, string> = {
  entityRef: 'team_ref',
  title: 'lower(title)',
  serviceCount: 'service_count',
  score: 'score',
  errors: 'error_count',
  findings: '(error_count + warning_count + info_count)',
};

function lower(values: string[]): string[] {
  return values.map(value => value.toLowerCase());
}

function given<T>(values: T[] | undefined): values is T[] {
  return values !== undefined && values.length > 0;
}

function toCount(rows: Array<Record<string, unknown>>): number {
  return Number(rows[0]?.count ?? 0);
}

/** Restricts a query over `e` (entity results) by the entity filters. */
function whereEntity(query: Knex.QueryBuilder, filter: ServiceFilter): void {
  if (given(filter.entityRefs)) {
    query.whereIn('e.entity_ref', lower(filter.entityRefs));
  }
  if (given(filter.ownerRefs)) {
    query.whereIn('e.owner_ref', lower(filter.ownerRefs));
  }
  if (given(filter.kinds)) {
    whereLowerIn(query, 'e.kind', filter.kinds);
  }
  if (given(filter.lifecycles)) {
    whereLowerIn(query, 'e.lifecycle', filter.lifecycles);
  }
  const needle = filter.q?.trim();
  if (needle) {
    query.whereRaw(`e.search_text like ? escape '\\'`, [likePattern(needle)]);
  }
}

/** `lower(column) IN (values)`, matching the expression indexes of the table. */
function whereLowerIn(
  query: Knex.QueryBuilder,
  column: string,
  values: string[],
): void {
  query.whereRaw(`lower(??) in (${values.map(() => '?').join(', ')})`, [
    column,
    ...lower(values),
  ]);
}

/** Restricts a query over `f` (findings) by the rule and severity filters. */
function whereFinding(query: Knex.QueryBuilder, filter: ServiceFilter): void {
  if (given(filter.ruleIds)) {
    query.whereIn('f.rule_id', filter.ruleIds);
  }
  if (given(filter.severities)) {
    query.whereIn('f.severity', filter.severities);
  }
}

/**
 * {@link ResultStore} on the plugin's SQL database (SQLite or PostgreSQL).
 *
 * Filter lists that are empty restrict nothing, like absent ones. The rule
 * and severity filters select entities with at least one finding matching
 * both; the findings listing returns exactly those findings.
 */
export class DatabaseResultStore implements ResultStore {
  /** @param options.client - the plugin's database, migrated */
  static create(options: { client: Knex }): DatabaseResultStore {
    return new DatabaseResultStore(options.client);
  }

  private constructor(private readonly client: Knex) {}

  async listServices(
    runId: number,
    filter: ServiceFilter,
    page: PageRequest,
    order: { by: ServiceOrderBy; direction: Direction } = {
      by: 'entityRef',
      direction: 'asc',
    },
  ): Promise<{ items: ServiceSummary[]; totalItems: number }> {
    const selection = this.entitySelection(runId, filter);
    const totalItems = toCount(await selection.clone().count({ count: '*' }));
    if (page.limit <= 0) {
      return { items: [], totalItems };
    }
    const direction = order.direction === 'desc' ? 'desc' : 'asc';
    const query = selection
      .clone()
      .select('e.*')
      .orderByRaw(`${SERVICE_ORDER[order.by]} ${direction}`);
    if (order.by !== 'entityRef') {
      query.orderBy('e.entity_ref', 'asc');
    }
    const rows: EntityRow[] = await query.offset(page.offset).limit(page.limit);
    const findings = await this.findingsOf(runId, rows);
    return {
      items: rows.map(row =>
        toServiceSummary(row, findings.get(row.entity_ref) ?? []),
      ),
      totalItems,
    };
  }

  async listFindings(
    runId: number,
    filter: ServiceFilter,
    page: PageRequest,
  ): Promise<{ items: FindingRecord[]; totalItems: number }> {
    const selection = this.findingSelection(runId, filter);
    const totalItems = toCount(await selection.clone().count({ count: '*' }));
    if (page.limit <= 0) {
      return { items: [], totalItems };
    }
    const rows = await selection
      .clone()
      .select('f.*', 'e.kind', 'e.title', 'e.lifecycle', 'e.owner_ref')
      .orderBy('f.entity_ref', 'asc')
      .orderBy('f.rule_id', 'asc')
      .orderBy('f.position', 'asc')
      .offset(page.offset)
      .limit(page.limit);
    return { items: rows.map(toFindingRecord), totalItems };
  }

  async getService(
    runId: number,
    entityRef: string,
  ): Promise<EntityResult | undefined> {
    const row: EntityRow | undefined = await this.client(ENTITIES)
      .where({ run_id: runId, entity_ref: entityRef.toLowerCase() })
      .first();
    if (!row) {
      return undefined;
    }
    const findings = await this.findingsOf(runId, [row]);
    return toEntityResult(row, findings.get(row.entity_ref) ?? []);
  }

  async getServices(
    runId: number,
    entityRefs: string[],
  ): Promise<ServiceSummary[]> {
    return this.mapRows(runId, entityRefs, toServiceSummary);
  }

  async getEntityResults(
    runId: number,
    entityRefs: string[],
  ): Promise<EntityResult[]> {
    return this.mapRows(runId, entityRefs, toEntityResult);
  }

  /** The stored rows of `entityRefs` with their findings, in the order asked, each ref once. */
  private async mapRows<T>(
    runId: number,
    entityRefs: string[],
    map: (row: EntityRow, findings: Finding[]) => T,
  ): Promise<T[]> {
    const refs = [...new Set(lower(entityRefs))];
    const rows: EntityRow[] = [];
    for (const refChunk of chunk(refs, MAX_IN_LIST)) {
      rows.push(
        ...(await this.client(ENTITIES)
          .where({ run_id: runId })
          .whereIn('entity_ref', refChunk)),
      );
    }
    const findings = await this.findingsOf(runId, rows);
    const byRef = new Map(rows.map(row => [row.entity_ref, row]));
    return refs.flatMap(ref => {
      const row = byRef.get(ref);
      return row ? [map(row, findings.get(ref) ?? [])] : [];
    });
  }

  async getHistory(entityRef: string): Promise<HistoryPoint[]> {
    const rows = await this.client(`${ENTITIES} as e`)
      .join(`${RUNS} as r`, 'r.id', 'e.run_id')
      .where('e.entity_ref', entityRef.toLowerCase())
      .where('r.status', 'succeeded')
      .select('r.id', 'r.finished_at', 'e.score', 'e.level', 'e.finding_count')
      .orderBy('r.finished_at', 'asc')
      .orderBy('r.id', 'asc');
    return rows.map(row => ({
      runId: Number(row.id),
      finishedAt: toIso(row.finished_at),
      score: Number(row.score),
      level: Number(row.level) as MaturityLevel,
      findingCount: Number(row.finding_count),
    }));
  }

  async listTeams(
    runId: number,
    page: PageRequest,
    order: { by: TeamOrderBy; direction: Direction } = {
      by: 'entityRef',
      direction: 'asc',
    },
    q?: string,
  ): Promise<{ items: TeamRollup[]; totalItems: number }> {
    const selection = this.client(TEAMS).where({ run_id: runId });
    const needle = q?.trim();
    if (needle) {
      const pattern = likePattern(needle);
      selection.where(inner =>
        inner
          .whereRaw(`lower(title) like ? escape '\\'`, [pattern])
          .orWhereRaw(`team_ref like ? escape '\\'`, [pattern]),
      );
    }

    const totalItems = toCount(await selection.clone().count({ count: '*' }));
    if (page.limit <= 0) {
      return { items: [], totalItems };
    }
    const direction = order.direction === 'desc' ? 'desc' : 'asc';
    const query = selection
      .clone()
      .orderByRaw(`${TEAM_ORDER[order.by]} ${direction}`);
    if (order.by !== 'entityRef') {
      query.orderBy('team_ref', 'asc');
    }
    const rows: TeamRow[] = await query.offset(page.offset).limit(page.limit);
    return { items: rows.map(toTeamRollup), totalItems };
  }

  async getTeam(
    runId: number,
    teamRef: string,
  ): Promise<TeamResult | undefined> {
    const row: TeamRow | undefined = await this.client(TEAMS)
      .where({ run_id: runId, team_ref: teamRef.toLowerCase() })
      .first();
    return row && toTeamResult(row);
  }

  async *streamEntities(
    runId: number,
    pageSize = 500,
  ): AsyncIterable<EntityResult[]> {
    let after: string | undefined;
    for (;;) {
      const query = this.client(ENTITIES)
        .where({ run_id: runId })
        .orderBy('entity_ref', 'asc')
        .limit(pageSize);
      if (after !== undefined) {
        query.where('entity_ref', '>', after);
      }
      const rows: EntityRow[] = await query;
      if (rows.length === 0) {
        return;
      }
      const findings = await this.findingsOf(runId, rows);
      yield rows.map(row =>
        toEntityResult(row, findings.get(row.entity_ref) ?? []),
      );
      if (rows.length < pageSize) {
        return;
      }
      after = rows[rows.length - 1].entity_ref;
    }
  }

  async listServiceRefs(
    runId: number,
    filter: ServiceFilter,
    order: { by: ServiceOrderBy; direction: Direction } = {
      by: 'entityRef',
      direction: 'asc',
    },
  ): Promise<string[]> {
    const direction = order.direction === 'desc' ? 'desc' : 'asc';
    const query = this.entitySelection(runId, filter)
      .select('e.entity_ref')
      .orderByRaw(`${SERVICE_ORDER[order.by]} ${direction}`);
    if (order.by !== 'entityRef') {
      query.orderBy('e.entity_ref', 'asc');
    }
    const rows: Array<{ entity_ref: string }> = await query;
    return rows.map(row => row.entity_ref);
  }

  async listSearchTexts(
    runId: number,
    filter: ServiceFilter,
  ): Promise<
    Array<{
      entityRef: string;
      ownerRef?: string;
      ownerTitle?: string;
      searchText: string;
    }>
  > {
    const rows: Array<
      Pick<
        EntityRow,
        'entity_ref' | 'owner_ref' | 'owner_title' | 'search_text'
      >
    > = await this.entitySelection(runId, filter).select(
      'e.entity_ref',
      'e.owner_ref',
      'e.owner_title',
      'e.search_text',
    );
    return rows.map(row => ({
      entityRef: row.entity_ref,
      ...(row.owner_ref !== null && { ownerRef: row.owner_ref }),
      ...(row.owner_title !== null && { ownerTitle: row.owner_title }),
      searchText: row.search_text,
    }));
  }

  async countFindingsByEntity(
    runId: number,
    filter: ServiceFilter,
  ): Promise<Array<{ entityRef: string; count: number }>> {
    const rows = (await this.findingSelection(runId, filter)
      .select('f.entity_ref')
      .count({ count: '*' })
      .groupBy('f.entity_ref')
      .orderBy('f.entity_ref', 'asc')) as unknown as Array<{
      entity_ref: string;
      count: number | string;
    }>;
    return rows.map(row => ({
      entityRef: row.entity_ref,
      count: Number(row.count),
    }));
  }

  async listEntityStats(
    runId: number,
    ownerRefs?: string[],
  ): Promise<EntityStats[]> {
    const read = (owners?: string[]) => {
      const query = this.client(ENTITIES)
        .select(
          'entity_ref',
          'owner_ref',
          'score',
          'level',
          'error_count',
          'warning_count',
          'info_count',
        )
        .where({ run_id: runId });
      if (owners) {
        query.whereIn('owner_ref', owners);
      }
      return query as Promise<EntityRow[]>;
    };
    const rows: EntityRow[] = [];
    if (ownerRefs) {
      for (const owners of chunk([...new Set(lower(ownerRefs))], MAX_IN_LIST)) {
        rows.push(...(await read(owners)));
      }
    } else {
      rows.push(...(await read()));
    }
    return rows.map(row => ({
      entityRef: row.entity_ref,
      ...(row.owner_ref !== null && { ownerRef: row.owner_ref }),
      score: Number(row.score),
      level: Number(row.level) as MaturityLevel,
      findings: {
        error: Number(row.error_count),
        warning: Number(row.warning_count),
        info: Number(row.info_count),
      },
    }));
  }

  async findDocumentReferrers(runId: number, url: string): Promise<string[]> {
    const rows: Array<{ entity_ref: string }> = await this.client(DOCUMENT_REFS)
      .select('entity_ref')
      .where({ run_id: runId, url })
      .orderBy('entity_ref', 'asc');
    return rows.map(row => row.entity_ref);
  }

  /** Entity results (`e`) of a run that the filter selects. */
  private entitySelection(runId: number, filter: ServiceFilter) {
    const selection = this.client(`${ENTITIES} as e`).where('e.run_id', runId);
    whereEntity(selection, filter);
    if (given(filter.ruleIds) || given(filter.severities)) {
      // Not correlated, so every database evaluates it once per query.
      const withFindings = this.client(`${FINDINGS} as f`)
        .select('f.entity_ref')
        .where('f.run_id', runId);
      whereFinding(withFindings, filter);
      selection.whereIn('e.entity_ref', withFindings);
    }
    return selection;
  }

  /** Findings (`f`, joined with their entity `e`) of a run that the filter selects. */
  private findingSelection(runId: number, filter: ServiceFilter) {
    const selection = this.client(`${FINDINGS} as f`)
      .join(`${ENTITIES} as e`, join =>
        join
          .on('e.run_id', '=', 'f.run_id')
          .andOn('e.entity_ref', '=', 'f.entity_ref'),
      )
      .where('f.run_id', runId);
    whereEntity(selection, filter);
    whereFinding(selection, filter);
    return selection;
  }

  /** The findings of the given entities, in their original order, by entity ref. */
  private async findingsOf(
    runId: number,
    rows: Array<Pick<EntityRow, 'entity_ref' | 'finding_count'>>,
  ): Promise<Map<string, Finding[]>> {
    const refs = rows
      .filter(row => Number(row.finding_count) > 0)
      .map(row => row.entity_ref);
    const byRef = new Map<string, Finding[]>();
    for (const refChunk of chunk(refs, MAX_IN_LIST)) {
      const findingRows: FindingRow[] = await this.client(FINDINGS)
        .where({ run_id: runId })
        .whereIn('entity_ref', refChunk)
        .orderBy('entity_ref', 'asc')
        .orderBy('position', 'asc');
      for (const row of findingRows) {
        const list = byRef.get(row.entity_ref) ?? [];
        list.push(toFinding(row));
        byRef.set(row.entity_ref, list);
      }
    }
    return byRef;
  }
}
