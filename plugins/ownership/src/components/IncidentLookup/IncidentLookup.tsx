import { InfoCard } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import SearchIcon from '@mui/icons-material/Search';
import Box from '@mui/material/Box';
import InputAdornment from '@mui/material/InputAdornment';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { Link as RouterLink } from 'react-router-dom';
import { ownershipTranslationRef } from '../../translation';
import { OverlayProgress } from '../shared';
import { LookupMessage, LookupStatus } from './LookupMessages';
import { MatchOption } from './MatchOption';
import { ServiceDetailPanel } from './ServiceDetailPanel';
import { useLookup } from './useLookup';

/** Properties of {@link IncidentLookup}. */
interface IncidentLookupProps {
  /** Delay between typing and asking the backend; 150 ms by default. */
  debounceMs?: number;
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
  const { t } = useTranslationRef(ownershipTranslationRef);
  const lookup = useLookup(debounceMs);
  const { items, active, optionId } = lookup;

  return (
    <Stack spacing={2}>
      <Box>
        <Link
          component={RouterLink}
          to=".."
          underline="hover"
          sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5 }}
        >
          <ArrowBackIcon fontSize="small" /> {t('incidentLookup.backLink')}
        </Link>
        <Typography variant="h5" component="h2" sx={{ mt: 1 }}>
          {t('incidentLookup.title')}
        </Typography>
      </Box>
      <TextField
        inputRef={lookup.inputRef}
        fullWidth
        label={t('incidentLookup.searchLabel')}
        placeholder={t('incidentLookup.searchPlaceholder')}
        value={lookup.input}
        onChange={event => lookup.setInput(event.target.value)}
        onKeyDown={lookup.onKeyDown}
        inputProps={{
          role: 'combobox',
          'aria-autocomplete': 'list',
          'aria-expanded': items.length > 0,
          'aria-controls': lookup.listboxId,
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
      <LookupStatus lookup={lookup} />
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
          {lookup.loading && (
            <OverlayProgress label={t('incidentLookup.loadingLabel')} />
          )}
          <LookupMessage lookup={lookup} />
          <Box
            component="ul"
            role="listbox"
            id={lookup.listboxId}
            aria-label={t('incidentLookup.resultsLabel')}
            sx={{ m: 0, p: 0, listStyle: 'none' }}
          >
            {items.map((match, index) => (
              <MatchOption
                key={match.entityRef}
                match={match}
                id={optionId(index)}
                active={index === active}
                onHover={() => lookup.setActive(index)}
                onOpen={() => {
                  lookup.setActive(index);
                  lookup.open(match);
                }}
              />
            ))}
          </Box>
        </Box>
        <InfoCard
          titleTypographyProps={{ component: 'h3' }}
          title={t('incidentLookup.detailsTitle')}
        >
          {lookup.selectedRef ? (
            <ServiceDetailPanel entityRef={lookup.selectedRef} />
          ) : (
            <Typography variant="body2" color="text.secondary">
              {t('incidentLookup.detailsHint')}
            </Typography>
          )}
        </InfoCard>
      </Box>
    </Stack>
  );
}
