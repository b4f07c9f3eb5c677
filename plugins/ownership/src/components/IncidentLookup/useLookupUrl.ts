import { useCallback } from 'react';
import { useSearchParams } from 'react-router-dom';

/** What the incident lookup keeps in the address. */
interface LookupUrl {
  /** The query (`q`), trimmed; empty when none. */
  urlQuery: string;
  /** The opened entity (`entity`), if any. */
  selectedRef?: string;
  /**
   * Writes `q` and/or `entity` (an empty value or `null` removes it),
   * replacing the history entry unless `push` is set.
   */
  writeUrl(
    changes: { q?: string; entity?: string | null },
    push?: boolean,
  ): void;
}

function setOrDelete(params: URLSearchParams, name: string, value: string) {
  if (value) {
    params.set(name, value);
  } else {
    params.delete(name);
  }
}

/** The incident lookup's state in the URL: the query and the opened entity. */
export function useLookupUrl(): LookupUrl {
  const [searchParams, setSearchParams] = useSearchParams();
  const urlQuery = (searchParams.get('q') ?? '').trim();
  const selectedRef = searchParams.get('entity') ?? undefined;

  const writeUrl = useCallback(
    (changes: { q?: string; entity?: string | null }, push = false) => {
      const next = new URLSearchParams(searchParams);
      if (changes.q !== undefined) {
        setOrDelete(next, 'q', changes.q);
      }
      if (changes.entity !== undefined) {
        setOrDelete(next, 'entity', changes.entity ?? '');
      }
      setSearchParams(next, { replace: !push });
    },
    [searchParams, setSearchParams],
  );

  return { urlQuery, selectedRef, writeUrl };
}
