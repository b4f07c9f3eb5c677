import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { ListParams, ServiceQueries } from '../query/ServiceQueries';
import { csvLine } from './csv';

const PAGE_SIZE = 500;

/**
 * The selection of `/services` as CSV, one row per entity with its owner,
 * level, score and each rule's result (the severity when it fired, `ok`
 * otherwise), page by page so that large catalogs stream.
 */
export async function* exportServicesCsv(options: {
  queries: ServiceQueries;
  params: Omit<ListParams, 'limit' | 'cursor'>;
  ruleIds: string[];
  credentials: BackstageCredentials;
}): AsyncGenerator<string> {
  const { queries, params, ruleIds, credentials } = options;
  yield csvLine([
    'entity_ref',
    'kind',
    'type',
    'title',
    'lifecycle',
    'system',
    'owner',
    'owner_status',
    'owner_title',
    'level',
    'score',
    'findings',
    ...ruleIds,
    'problems',
  ]);
  let cursor: string | undefined;
  do {
    const page = await queries.list(
      { ...params, limit: PAGE_SIZE, cursor },
      credentials,
    );
    for (const item of page.items) {
      const fired = new Map(item.findings.map(f => [f.ruleId, f.severity]));
      yield csvLine([
        item.entityRef,
        item.kind,
        item.type,
        item.title,
        item.lifecycle,
        item.system,
        item.owner.entityRef ?? item.owner.raw,
        item.owner.status,
        item.owner.title,
        item.level,
        item.score,
        item.findings.length,
        ...ruleIds.map(id => fired.get(id) ?? 'ok'),
        item.findings.map(f => f.message).join(' | '),
      ]);
    }
    cursor = page.nextCursor;
  } while (cursor);
}
