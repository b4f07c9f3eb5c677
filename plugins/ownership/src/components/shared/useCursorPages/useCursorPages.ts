import type { Page } from '@ownership-portal/plugin-ownership-common';
import { type ChangeEvent, useRef, useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';

/** What {@link useCursorPages} asks the loader for. */
export interface PageRequest {
  limit: number;
  /** The cursor of the page; absent for the first one. */
  cursor?: string;
}

/** Options of {@link useCursorPages}. */
interface CursorPagesOptions<T> {
  /**
   * Names the selection (filters, sort order, query): when it changes the
   * listing starts again at the first page.
   */
  selection: string;
  /** Rows per page at first. */
  pageSize: number;
  /** The page sizes to offer; the current one is always offered. */
  pageSizes: number[];
  /** Reads one page of the selection. */
  load: (request: PageRequest) => Promise<Page<T>>;
}

/** Properties for MUI's `TablePagination`. */
interface CursorPagination {
  count: number;
  page: number;
  rowsPerPage: number;
  rowsPerPageOptions: number[];
  onPageChange: (event: unknown, page: number) => void;
  onRowsPerPageChange: (event: ChangeEvent<HTMLInputElement>) => void;
}

/** The state of a listing read page by page with cursors. */
interface CursorPages<T> {
  value?: Page<T>;
  loading: boolean;
  error?: Error;
  retry: () => void;
  /** The page shown, from 0. */
  page: number;
  /** Undefined until a page has loaded. */
  pagination?: CursorPagination;
}

/**
 * Reads a listing of the backend page by page. The backend pages with opaque
 * cursors, so the hook keeps the cursor of every page it has seen: one can go
 * back to any of them, and forward one page at a time. A new selection or
 * page size starts again at the first page, and an answer that arrives after
 * the selection changed leaves no cursor behind.
 */
export function useCursorPages<T>(
  options: CursorPagesOptions<T>,
): CursorPages<T> {
  const { selection, pageSizes } = options;
  const [limit, setLimit] = useState(options.pageSize);
  const key = `${selection}\u0000${limit}`;
  const [paging, setPaging] = useState({ key, page: 0 });
  const page = paging.key === key ? paging.page : 0;
  // cursors.list[i] reads page i; page 0 needs none.
  const cursors = useRef({
    key,
    list: [undefined] as Array<string | undefined>,
  });
  if (cursors.current.key !== key) {
    cursors.current = { key, list: [undefined] };
  }
  const load = useRef(options.load);
  load.current = options.load;

  const { value, loading, error, retry } = useAsyncRetry(async () => {
    const result = await load.current({
      limit,
      cursor: cursors.current.list[page],
    });
    if (cursors.current.key === key) {
      cursors.current.list[page + 1] = result.nextCursor;
    }
    return result;
    // `key` covers the selection and the limit.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, page]);

  let pagination: CursorPagination | undefined;
  if (value) {
    const seen = page * limit + value.items.length;
    pagination = {
      // Never promise less than what is seen, nor a last page while there
      // is a next cursor (the run may change between pages).
      count: value.nextCursor ? Math.max(value.totalItems, seen + 1) : seen,
      page,
      rowsPerPage: limit,
      rowsPerPageOptions: [...new Set([...pageSizes, limit])].sort(
        (a, b) => a - b,
      ),
      onPageChange: (_event, next) => {
        if (next <= page || cursors.current.list[next] !== undefined) {
          setPaging({ key, page: next });
        }
      },
      onRowsPerPageChange: event => setLimit(Number(event.target.value)),
    };
  }

  return { value, loading, error, retry, page, pagination };
}
