import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Autocomplete from '@mui/material/Autocomplete';
import TextField from '@mui/material/TextField';
import { useRef, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import useDebounce from 'react-use/esm/useDebounce';
import { ownershipApiRef } from '../../api';
import { ownershipTranslationRef } from '../../translation';

/** The name part of a ref, e.g. `payments` for `group:default/payments`. */
function refName(entityRef: string): string {
  return entityRef.replace(/^.*[:/]/, '');
}

interface TeamOption {
  entityRef: string;
  title: string;
}

/**
 * The team filter: a type-ahead over the audited teams that shows the
 * team's title, also for a team that came with a shared link.
 */
export function TeamFilter(props: {
  value?: string;
  onChange: (team?: string) => void;
}) {
  const api = useApi(ownershipApiRef);
  const { t } = useTranslationRef(ownershipTranslationRef);
  const [input, setInput] = useState('');
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  useDebounce(() => setQuery(input.trim()), 250, [input]);
  const options = useAsync(async (): Promise<TeamOption[]> => {
    if (!open) {
      return [];
    }
    const page = await api.listTeams({
      limit: 20,
      orderBy: 'title',
      order: 'asc',
      ...(query && { q: query }),
    });
    return page.items.map(team => ({
      entityRef: team.entityRef,
      title: team.title,
    }));
  }, [api, open, query]);

  // Titles of teams seen in the options, so that a chosen team needs no
  // lookup; a team from a shared link is looked up once.
  const titles = useRef(new Map<string, string>());
  for (const option of options.value ?? []) {
    titles.current.set(option.entityRef, option.title);
  }
  const linked = useAsync(async () => {
    const ref = props.value;
    if (!ref || titles.current.has(ref)) {
      return undefined;
    }
    const page = await api.listTeams({ q: refName(ref), limit: 20 });
    return page.items.find(team => team.entityRef === ref)?.title;
  }, [api, props.value]);

  const value: TeamOption | null = props.value
    ? {
        entityRef: props.value,
        title:
          titles.current.get(props.value) ??
          linked.value ??
          refName(props.value),
      }
    : null;

  return (
    <Autocomplete<TeamOption>
      size="small"
      open={open}
      onOpen={() => setOpen(true)}
      onClose={() => setOpen(false)}
      options={options.value ?? []}
      loading={options.loading}
      value={value}
      onChange={(_event, option) => props.onChange(option?.entityRef)}
      onInputChange={(_event, text, reason) => {
        if (reason === 'input') {
          setInput(text);
        }
      }}
      filterOptions={x => x}
      getOptionLabel={o => o.title}
      isOptionEqualToValue={(a, b) => a.entityRef === b.entityRef}
      noOptionsText={
        options.error
          ? t('findingsTable.teamsError', { message: options.error.message })
          : t('findingsTable.noTeamMatches')
      }
      renderInput={params => (
        <TextField {...params} label={t('findingsTable.teamFilter')} />
      )}
    />
  );
}
