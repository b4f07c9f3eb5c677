import type { Page } from '@ownership-portal/plugin-ownership-common';
import { decodeCursor, encodeCursor, selectionKey } from './cursor';
import type { ServedRun, Selection } from './Selection';

/** A page request: how many, after which cursor, for which selection. */
interface PageParams {
  limit: number;
  cursor?: string;
  /** Everything that defines the selection; a cursor only continues the same one. */
  selection: unknown;
}

/**
 * Reads one page of a listing: resolves the run (latest, or the cursor's),
 * calls `read` with the offset and builds the next cursor.
 *
 * `read` answers from what the caller may read only: its items and its
 * `totalItems` leave out every entity the caller may not read, and the
 * offset counts readable items too, so neither the total, the length of a
 * page, nor a cursor says anything about hidden entities.
 */
export async function readPage<T>(
  selection: Selection,
  params: PageParams,
  read: (
    run: ServedRun,
    offset: number,
  ) => Promise<{ items: T[]; totalItems: number }>,
): Promise<Page<T>> {
  const key = selectionKey(params.selection);
  const position = params.cursor ? decodeCursor(params.cursor, key) : undefined;
  const run = position
    ? await selection.cursorRun(position.runId)
    : await selection.latestRun();
  const offset = position?.offset ?? 0;
  const { items, totalItems } = await read(run, offset);
  const next = offset + items.length;
  return {
    items,
    totalItems,
    ...(items.length > 0 &&
      next < totalItems && {
        nextCursor: encodeCursor({ runId: run.id, offset: next }, key),
      }),
    runId: run.id,
    generatedAt: run.generatedAt,
  };
}

/**
 * The slice of a readable sequence that a page of `offset`/`limit` covers,
 * where each key stands for `count` items (an entity and its findings).
 * Returns the keys the page touches and how many items of the first one to
 * skip.
 */
export function sliceCounted<K extends { count: number }>(
  keys: K[],
  offset: number,
  limit: number,
): { keys: K[]; skip: number } {
  let index = 0;
  let skip = offset;
  while (index < keys.length && skip >= keys[index].count) {
    skip -= keys[index].count;
    index += 1;
  }
  const touched: K[] = [];
  let needed = skip + limit;
  for (let i = index; i < keys.length && needed > 0; i++) {
    touched.push(keys[i]);
    needed -= keys[i].count;
  }
  return { keys: touched, skip };
}
