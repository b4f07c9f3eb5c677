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
  // The first page is read before anything is written, so that a bad filter
  // is a 400 and not a broken download.
  const read = (cursor?: string) =>
    queries.list({ ...params, limit: PAGE_SIZE, cursor }, credentials);
  let page = await read();
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
  for (;;) {
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
    if (!page.nextCursor) {
      return;
    }
    page = await read(page.nextCursor);
  }
}
