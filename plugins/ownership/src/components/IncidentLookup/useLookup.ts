import { useAnalytics, useApi } from '@backstage/core-plugin-api';
import type {
  LookupMatch,
  LookupResponse,
} from '@ownership-portal/plugin-ownership-common';
import {
  type KeyboardEvent,
  type RefObject,
  useCallback,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
} from 'react';
import useDebounce from 'react-use/esm/useDebounce';
import { ownershipApiRef } from '../../api';
import { useLookupUrl } from './useLookupUrl';

interface LookupState {
  /** The query the answer (or the request in flight) is for. */
  query?: string;
  loading: boolean;
  error?: Error;
  response?: LookupResponse;
}

/** What {@link useLookup} gives the incident lookup to render. */
export interface Lookup {
  /** What is in the search box. */
  input: string;
  setInput(value: string): void;
  /** The query looked up (the search box, debounced and trimmed). */
  query: string;
  loading: boolean;
  error?: Error;
  response?: LookupResponse;
  /** The matches for `query`; none while it is empty. */
  items: LookupMatch[];
  /** The index of the match the arrow keys are on. */
  active: number;
  setActive(index: number): void;
  /** The entity whose details are open, from the URL. */
  selectedRef?: string;
  /** Opens a match's details (a new history entry). */
  open(match: LookupMatch): void;
  /** Asks again after a failure. */
  retry(): void;
  /** Arrows choose, Enter opens, Escape clears. */
  onKeyDown(event: KeyboardEvent<HTMLInputElement>): void;
  inputRef: RefObject<HTMLInputElement>;
  /** The id of the list of matches, for `aria-controls`. */
  listboxId: string;
  /** The id of the match at `index`, for `aria-activedescendant`. */
  optionId(index: number): string;
}

/**
 * The incident lookup's behaviour: looks up what is typed (debounced),
 * follows and writes the URL (`q`, `entity`), moves through the matches with
 * the keyboard and opens one, even when Enter comes before the answer.
 * Opening a match fires the analytics event `open` with the entity ref.
 */
export function useLookup(debounceMs: number): Lookup {
  const api = useApi(ownershipApiRef);
  const analytics = useAnalytics();
  const { urlQuery, selectedRef, writeUrl } = useLookupUrl();

  const [input, setInput] = useState(urlQuery);
  const [query, setQuery] = useState(urlQuery);
  const [active, setActive] = useState(0);
  const [state, setState] = useState<LookupState>({ loading: false });
  const [attempt, setAttempt] = useState(0);
  const openFirstWhenLoaded = useRef(false);
  const inputRef = useRef<HTMLInputElement>(null);

  // The search box is what this page is for, and people arrive here from a
  // search box: keep typing where they were typing.
  useEffect(() => {
    inputRef.current?.focus();
  }, []);
  const baseId = useId();
  const listboxId = `${baseId}-results`;
  const optionId = useCallback(
    (index: number) => `${baseId}-option-${index}`,
    [baseId],
  );

  // Follow the address when it changes from outside (links, back button).
  useEffect(() => {
    setInput(previous => (previous.trim() === urlQuery ? previous : urlQuery));
    setQuery(urlQuery);
  }, [urlQuery]);

  useDebounce(
    () => {
      const q = input.trim();
      setQuery(q);
      if (q !== urlQuery) {
        writeUrl({ q });
      }
    },
    debounceMs,
    [input],
  );

  useEffect(() => {
    if (!query) {
      setState({ loading: false });
      return undefined;
    }
    let cancelled = false;
    setState(previous => ({
      ...previous,
      query,
      loading: true,
      error: undefined,
    }));
    api.lookup(query).then(
      response => {
        if (!cancelled) {
          setState({ query, loading: false, response });
          setActive(0);
        }
      },
      error => {
        if (!cancelled) {
          setState({ query, loading: false, error });
        }
      },
    );
    return () => {
      cancelled = true;
    };
  }, [api, query, attempt]);

  const items = useMemo(
    () => (query ? state.response?.items ?? [] : []),
    [query, state.response],
  );
  // The list shows the answer to what is in the search box.
  const current =
    state.query === query && !state.loading && input.trim() === query;

  const open = useCallback(
    (match: LookupMatch) => {
      analytics.captureEvent('open', match.entityRef, {
        attributes: { query },
      });
      writeUrl({ q: query, entity: match.entityRef }, true);
    },
    [analytics, writeUrl, query],
  );

  // Keep the active match in view while the arrows move through a long list.
  useEffect(() => {
    document
      .getElementById(optionId(active))
      ?.scrollIntoView?.({ block: 'nearest' });
  }, [active, optionId]);

  // Enter pressed before the answer came: open the best match once it does.
  useEffect(() => {
    if (openFirstWhenLoaded.current && current && !state.error) {
      openFirstWhenLoaded.current = false;
      if (items.length > 0) {
        open(items[0]);
      }
    }
  }, [current, items, open, state.error]);

  const clear = () => {
    setInput('');
    setQuery('');
    setState({ loading: false });
    openFirstWhenLoaded.current = false;
    writeUrl({ q: '', entity: null });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const count = items.length;
    switch (event.key) {
      case 'ArrowDown':
        if (count > 0) {
          event.preventDefault();
          setActive(i => (i + 1) % count);
        }
        break;
      case 'ArrowUp':
        if (count > 0) {
          event.preventDefault();
          setActive(i => (i - 1 + count) % count);
        }
        break;
      case 'Enter':
        event.preventDefault();
        if (current && count > 0) {
          open(items[Math.min(active, count - 1)]);
        } else if (input.trim()) {
          openFirstWhenLoaded.current = true;
          setQuery(input.trim());
        }
        break;
      case 'Escape':
        event.preventDefault();
        clear();
        break;
      default:
    }
  };

  return {
    input,
    setInput,
    query,
    loading: state.loading,
    error: state.error,
    response: state.response,
    items,
    active,
    setActive,
    selectedRef,
    open,
    retry: () => setAttempt(n => n + 1),
    onKeyDown,
    inputRef,
    listboxId,
    optionId,
  };
}
