import { InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import SearchIcon from '@mui/icons-material/Search';
import Box from '@mui/material/Box';
import InputAdornment from '@mui/material/InputAdornment';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type {
  LookupMatch,
  LookupResponse,
} from '@ownership-portal/plugin-ownership-common';
import {
  type KeyboardEvent,
  useCallback,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
} from 'react';
import { Link as RouterLink, useSearchParams } from 'react-router-dom';
import useDebounce from 'react-use/esm/useDebounce';
import { ownershipApiRef } from '../../api';
import { ErrorPanelWithRetry, OverlayProgress } from '../shared';
import { MatchOption } from './MatchOption';
import { ServiceDetailPanel } from './ServiceDetailPanel';

/** Properties of {@link IncidentLookup}. */
export interface IncidentLookupProps {
  /** Delay between typing and asking the backend; 150 ms by default. */
  debounceMs?: number;
}

interface LookupState {
  /** The query the answer (or the request in flight) is for. */
  query?: string;
  loading: boolean;
  error?: Error;
  response?: LookupResponse;
}

/**
 * The incident lookup: type part of a service, system, tag or team and see
 * at once who owns it, how to reach them and who is on call; Enter opens the
 * details with runbooks and the owners of its dependencies and dependents.
 * The query (`q`) and the opened entity (`entity`) are kept in the URL.
 *
 * @public
 */
export function IncidentLookup(props: IncidentLookupProps) {
  const { debounceMs = 150 } = props;
  const api = useApi(ownershipApiRef);
  const [searchParams, setSearchParams] = useSearchParams();
  const urlQuery = (searchParams.get('q') ?? '').trim();
  const selectedRef = searchParams.get('entity') ?? undefined;

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
  const optionId = (index: number) => `${baseId}-option-${index}`;

  // Follow the address when it changes from outside (links, back button).
  useEffect(() => {
    setInput(previous => (previous.trim() === urlQuery ? previous : urlQuery));
    setQuery(urlQuery);
  }, [urlQuery]);

  const writeUrl = useCallback(
    (changes: { q?: string; entity?: string | null }, push = false) => {
      const next = new URLSearchParams(searchParams);
      if (changes.q !== undefined) {
        if (changes.q) {
          next.set('q', changes.q);
        } else {
          next.delete('q');
        }
      }
      if (changes.entity !== undefined) {
        if (changes.entity) {
          next.set('entity', changes.entity);
        } else {
          next.delete('entity');
        }
      }
      setSearchParams(next, { replace: !push });
    },
    [searchParams, setSearchParams],
  );

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
      writeUrl({ q: query, entity: match.entityRef }, true);
    },
    [writeUrl, query],
  );

  // Keep the active match in view while the arrows move through a long list.
  useEffect(() => {
    document
      .getElementById(`${baseId}-option-${active}`)
      ?.scrollIntoView?.({ block: 'nearest' });
  }, [active, baseId]);

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

  let status = '';
  if (!query) {
    status = '';
  } else if (state.loading) {
    status = `Looking up “${query}”…`;
  } else if (state.response) {
    status =
      items.length === 0
        ? `Nothing matches “${query}”.`
        : `${items.length} ${
            items.length === 1 ? 'match' : 'matches'
          } for “${query}”; use the arrow keys to choose and Enter to open.`;
  }

  let results;
  if (!query) {
    results = (
      <Typography variant="body2" color="text.secondary" sx={{ p: 2 }}>
        Type part of a service's name or title, its system, a tag or the owning
        team. Use ↑ and ↓ to choose a match, Enter to open it and Escape to
        start again.
      </Typography>
    );
  } else if (state.error) {
    results = (
      <Box sx={{ p: 2 }}>
        <ErrorPanelWithRetry
          title={`Could not look up “${query}”`}
          error={state.error}
          onRetry={() => setAttempt(n => n + 1)}
        />
      </Box>
    );
  } else if (state.response && items.length === 0 && !state.loading) {
    results = (
      <Typography variant="body2" sx={{ p: 2 }}>
        Nothing matches “{query}”. Try the service's name, its system, a tag or
        the owning team
        {state.response.runId === undefined
          ? '. The lookup is built by the audit, and no run has completed yet.'
          : '.'}
      </Typography>
    );
  }

  return (
    <Stack spacing={2}>
      <Box>
        <Link
          component={RouterLink}
          to=".."
          underline="hover"
          sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5 }}
        >
          <ArrowBackIcon fontSize="small" /> Audit dashboard
        </Link>
        <Typography variant="h5" component="h2" sx={{ mt: 1 }}>
          Incident lookup
        </Typography>
      </Box>
      <TextField
        inputRef={inputRef}
        fullWidth
        label="Service, system, tag or team"
        placeholder="Find a service…"
        value={input}
        onChange={event => setInput(event.target.value)}
        onKeyDown={onKeyDown}
        inputProps={{
          role: 'combobox',
          'aria-autocomplete': 'list',
          'aria-expanded': items.length > 0,
          'aria-controls': listboxId,
          'aria-activedescendant':
            items.length > 0
              ? optionId(Math.min(active, items.length - 1))
              : undefined,
          autoComplete: 'off',
          spellCheck: false,
        }}
        InputProps={{
          startAdornment: (
            <InputAdornment position="start">
              <SearchIcon />
            </InputAdornment>
          ),
        }}
      />
      <Box role="status" aria-live="polite" sx={{ minHeight: '1.5em' }}>
        <Typography variant="body2" color="text.secondary">
          {status}
        </Typography>
      </Box>
      <Box
        sx={{
          display: 'grid',
          gap: 2,
          gridTemplateColumns: {
            xs: '1fr',
            md: 'minmax(0, 2fr) minmax(0, 3fr)',
          },
          alignItems: 'start',
        }}
      >
        <Box
          sx={{
            border: 1,
            borderColor: 'divider',
            borderRadius: 1,
            bgcolor: 'background.paper',
            position: 'relative',
            overflow: 'hidden',
          }}
        >
          {state.loading && <OverlayProgress label="Looking up" />}
          {results}
          <Box
            component="ul"
            role="listbox"
            id={listboxId}
            aria-label="Matching services"
            sx={{ m: 0, p: 0, listStyle: 'none' }}
          >
            {items.map((match, index) => (
              <MatchOption
                key={match.entityRef}
                match={match}
                id={optionId(index)}
                active={index === active}
                onHover={() => setActive(index)}
                onOpen={() => {
                  setActive(index);
                  open(match);
                }}
              />
            ))}
          </Box>
        </Box>
        <InfoCard titleTypographyProps={{ component: 'h3' }} title="Details">
          {selectedRef ? (
            <ServiceDetailPanel entityRef={selectedRef} />
          ) : (
            <Typography variant="body2" color="text.secondary">
              Open a match to see its owner, contacts, who is on call, its
              runbooks and the owners of what it depends on and what depends on
              it.
            </Typography>
          )}
        </InfoCard>
      </Box>
    </Stack>
  );
}
