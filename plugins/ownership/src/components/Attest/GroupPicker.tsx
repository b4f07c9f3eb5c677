import { type Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import Autocomplete from '@mui/material/Autocomplete';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import useDebounce from 'react-use/esm/useDebounce';
import { ownershipTranslationRef } from '../../translation';
import { errorMessage } from '../shared';

/** Groups per request: the picker narrows by text, it never lists them all. */
const PAGE_SIZE = 20;

/** A Group the picker offers. */
export interface GroupOption {
  entityRef: string;
  title: string;
}

function optionOf(entity: Entity): GroupOption {
  const profile = (entity.spec?.profile ?? {}) as { displayName?: string };
  return {
    entityRef: stringifyEntityRef(entity),
    title: entity.metadata.title ?? profile.displayName ?? entity.metadata.name,
  };
}

/**
 * Picks a catalog Group by part of its name or title. Each keystroke (after
 * a short pause) asks the catalog for one page of matching groups with only
 * the fields shown; `exclude` (e.g. the team answering) is not offered.
 */
export function GroupPicker(props: {
  value: GroupOption | null;
  onChange: (value: GroupOption | null) => void;
  exclude?: string;
}) {
  const { value, onChange, exclude } = props;
  const catalogApi = useApi(catalogApiRef);
  const { t } = useTranslationRef(ownershipTranslationRef);
  const [input, setInput] = useState('');
  const [term, setTerm] = useState('');
  useDebounce(() => setTerm(input.trim()), 250, [input]);

  const groups = useAsync(async () => {
    const response = await catalogApi.queryEntities({
      filter: { kind: 'Group' },
      fields: [
        'kind',
        'metadata.name',
        'metadata.namespace',
        'metadata.title',
        'spec.profile.displayName',
      ],
      ...(term
        ? {
            fullTextFilter: {
              term,
              fields: [
                'metadata.name',
                'metadata.title',
                'spec.profile.displayName',
              ],
            },
          }
        : { orderFields: { field: 'metadata.name', order: 'asc' as const } }),
      limit: PAGE_SIZE,
    });
    return {
      options: response.items
        .map(optionOf)
        .filter(option => option.entityRef !== exclude?.toLocaleLowerCase()),
      more: response.totalItems > response.items.length,
    };
  }, [catalogApi, term, exclude]);

  let helperText: string | undefined;
  if (groups.error) {
    helperText = t('attest.groupsError', {
      message: errorMessage(groups.error),
    });
  } else if (groups.value?.more) {
    helperText = t('attest.moreGroups');
  }

  return (
    <Autocomplete
      options={groups.value?.options ?? []}
      loading={groups.loading}
      value={value}
      onChange={(_, next) => onChange(next)}
      inputValue={input}
      onInputChange={(_, next) => setInput(next)}
      // The catalog filters; the picker shows what it answers.
      filterOptions={options => options}
      getOptionLabel={option => option.title}
      isOptionEqualToValue={(a, b) => a.entityRef === b.entityRef}
      renderOption={(optionProps, option) => (
        <li {...optionProps} key={option.entityRef}>
          {option.title}
          &nbsp;
          <small>({option.entityRef})</small>
        </li>
      )}
      noOptionsText={t('attest.noGroups')}
      renderInput={params => (
        <TextField
          {...params}
          label={t('attest.groupLabel')}
          required
          error={Boolean(groups.error)}
          helperText={helperText}
        />
      )}
    />
  );
}
