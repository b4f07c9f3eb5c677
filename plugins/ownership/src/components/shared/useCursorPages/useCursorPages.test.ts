import type { Page } from '@ownership-portal/plugin-ownership-common';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ChangeEvent } from 'react';
import { type PageRequest, useCursorPages } from './useCursorPages';

/** A backend of `total` numbered rows whose cursors name the next offset. */
function backend(total: number) {
  const load = jest.fn(
    async ({ limit, cursor }: PageRequest): Promise<Page<number>> => {
      const from = cursor ? Number(cursor.replace('at-', '')) : 0;
      const items = Array.from(
        { length: Math.max(0, Math.min(limit, total - from)) },
        (_, i) => from + i,
      );
      return {
        items,
        totalItems: total,
        ...(from + limit < total && { nextCursor: `at-${from + limit}` }),
        runId: 1,
        generatedAt: '2026-11-28T12:00:00.000Z',
      };
    },
  );
  return load;
}

function rowsPerPage(value: number) {
  return { target: { value: String(value) } } as ChangeEvent<HTMLInputElement>;
}

describe('useCursorPages', () => {
  it('pages forward with the cursor of the page before and back with the kept one', async () => {
    const load = backend(25);
    const { result } = renderHook(() =>
      useCursorPages({ selection: 'all', pageSize: 10, pageSizes: [10], load }),
    );
    await waitFor(() => expect(result.current.value?.items[0]).toBe(0));
    expect(result.current.pagination).toMatchObject({
      count: 25,
      page: 0,
      rowsPerPage: 10,
    });

    act(() => result.current.pagination!.onPageChange(null, 1));
    await waitFor(() => expect(result.current.value?.items[0]).toBe(10));
    act(() => result.current.pagination!.onPageChange(null, 2));
    await waitFor(() =>
      expect(result.current.value?.items).toEqual([20, 21, 22, 23, 24]),
    );
    act(() => result.current.pagination!.onPageChange(null, 1));
    await waitFor(() => expect(result.current.value?.items[0]).toBe(10));

    expect(load.mock.calls.map(([request]) => request.cursor)).toEqual([
      undefined,
      'at-10',
      'at-20',
      'at-10',
    ]);
  });

  it('does not jump to a page whose cursor it has not seen', async () => {
    const load = backend(50);
    const { result } = renderHook(() =>
      useCursorPages({ selection: 'all', pageSize: 10, pageSizes: [10], load }),
    );
    await waitFor(() => expect(result.current.value).toBeDefined());

    act(() => result.current.pagination!.onPageChange(null, 3));

    expect(result.current.page).toBe(0);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('starts again at the first page for a new selection or page size', async () => {
    const load = backend(40);
    const { result, rerender } = renderHook(
      ({ selection }) =>
        useCursorPages({
          selection,
          pageSize: 10,
          pageSizes: [10, 25],
          load,
        }),
      { initialProps: { selection: 'a' } },
    );
    await waitFor(() => expect(result.current.value).toBeDefined());
    act(() => result.current.pagination!.onPageChange(null, 1));
    await waitFor(() => expect(result.current.value?.items[0]).toBe(10));

    rerender({ selection: 'b' });

    expect(result.current.page).toBe(0);
    await waitFor(() => expect(result.current.value?.items[0]).toBe(0));
    expect(load).toHaveBeenLastCalledWith({ limit: 10, cursor: undefined });

    act(() => result.current.pagination!.onPageChange(null, 1));
    await waitFor(() => expect(result.current.value?.items[0]).toBe(10));
    act(() => result.current.pagination!.onRowsPerPageChange(rowsPerPage(25)));

    await waitFor(() => expect(result.current.value?.items).toHaveLength(25));
    expect(result.current.page).toBe(0);
    expect(load).toHaveBeenLastCalledWith({ limit: 25, cursor: undefined });
  });

  it('never promises a last page while there is a next cursor', async () => {
    // Fewer rows are readable than the selection counts (read permissions).
    const load = jest.fn(
      async (): Promise<Page<number>> => ({
        items: [1, 2],
        totalItems: 1,
        nextCursor: 'more',
        runId: 1,
        generatedAt: '2026-11-28T12:00:00.000Z',
      }),
    );
    const { result } = renderHook(() =>
      useCursorPages({ selection: 'all', pageSize: 10, pageSizes: [10], load }),
    );

    await waitFor(() => expect(result.current.pagination?.count).toBe(3));
  });
});
