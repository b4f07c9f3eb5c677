import type { Page } from '@ownership-portal/plugin-ownership-common';
import { decodeCursor, encodeCursor, selectionKey } from '../../router/cursor';
import type { ServedRun, Selection } from './Selection';

/** A page request: how many, after which cursor, for which selection. */
export interface PageParams {
  limit: number;
  cursor?: string;
  /** Everything that defines the selection; a cursor only continues the same one. */
  selection: unknown;
}

/**
 * Reads one page of a listing: resolves the run (latest, or the cursor's),
 * calls `read` with the offset and builds the next cursor.
 */
export async function readPage<T>(
  selection: Selection,
  params: PageParams,
  read: (
    run: ServedRun,
    offset: number,
  ) => Promise<{ items: T[]; totalItems: number; visible: T[] }>,
): Promise<Page<T>> {
  const key = selectionKey(params.selection);
  const position = params.cursor ? decodeCursor(params.cursor, key) : undefined;
  const run = position
    ? await selection.cursorRun(position.runId)
    : await selection.latestRun();
  const offset = position?.offset ?? 0;
  const { items, totalItems, visible } = await read(run, offset);
  const next = offset + items.length;
  return {
    items: visible,
    totalItems,
    ...(items.length > 0 &&
      next < totalItems && {
        nextCursor: encodeCursor({ runId: run.id, offset: next }, key),
      }),
    runId: run.id,
    generatedAt: run.generatedAt,
  };
}
