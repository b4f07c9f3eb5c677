import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Typography from '@mui/material/Typography';
import type { LookupMatch } from '@ownership-portal/plugin-ownership-common';
import { DocumentLink, InlineRow, RunbookStatusBadge } from '../shared';
import { OnCallSummary } from './OnCallSummary';
import { ownershipTranslationRef } from '../../translation';

/** One match in the result list: owner, contacts, on call now and the runbook to open first. */
export function MatchOption(props: {
  match: LookupMatch;
  id: string;
  active: boolean;
  onOpen: () => void;
  onHover: () => void;
}) {
  const { match, id, active, onOpen, onHover } = props;
  const owner = match.owner;
  const { t } = useTranslationRef(ownershipTranslationRef);
  return (
    <Box
      component="li"
      id={id}
      role="option"
      aria-selected={active}
      // Keep the focus in the search box, so the keyboard keeps working.
      onMouseDown={event => event.preventDefault()}
      onClick={onOpen}
      onMouseEnter={onHover}
      sx={{
        px: 2,
        py: 1.5,
        cursor: 'pointer',
        borderLeft: 4,
        borderColor: active ? 'primary.main' : 'transparent',
        bgcolor: active ? 'action.selected' : 'transparent',
        '&:not(:last-of-type)': {
          borderBottom: 1,
          borderBottomColor: 'divider',
        },
      }}
    >
      <InlineRow>
        <Typography variant="subtitle1" component="span" fontWeight={600}>
          {match.title}
        </Typography>
        <Chip
          size="small"
          variant="outlined"
          label={match.type ? `${match.kind} · ${match.type}` : match.kind}
        />
        {match.lifecycle && (
          <Typography variant="caption" color="text.secondary">
            {match.lifecycle}
          </Typography>
        )}
      </InlineRow>
      <Typography variant="body2">
        <Box component="span" sx={{ color: 'text.secondary' }}>
          {t('incidentLookup.match.owner')}
        </Box>
        {owner.title ??
          owner.entityRef ??
          owner.raw ??
          t('incidentLookup.match.none')}
        {owner.status !== 'ok' && (
          <Box component="span" sx={{ color: 'warning.main' }}>
            {' '}
            ({owner.status})
          </Box>
        )}
        {owner.contacts.length > 0 && (
          <Box component="span" sx={{ color: 'text.secondary' }}>
            {' '}
            · {owner.contacts.map(c => c.label).join(', ')}
          </Box>
        )}
      </Typography>
      <OnCallSummary oncall={match.oncall} />
      {/*
        The links are for the mouse: the keyboard opens the details with
        Enter, where the same links are.
      */}
      <InlineRow>
        <Typography variant="body2">
          <Box component="span" sx={{ color: 'text.secondary' }}>
            {t('incidentLookup.match.runbook')}
          </Box>
          {match.topRunbook ? (
            <DocumentLink
              url={match.topRunbook.url}
              title={match.topRunbook.title}
              tabIndex={-1}
            />
          ) : (
            t('incidentLookup.match.none')
          )}
        </Typography>
        {match.topRunbook && <RunbookStatusBadge runbook={match.topRunbook} />}
        <Typography variant="body2">
          <EntityRefLink
            entityRef={match.entityRef}
            hideIcon
            tabIndex={-1}
            onClick={event => event.stopPropagation()}
          >
            {t('incidentLookup.match.openInCatalog')}
          </EntityRefLink>
        </Typography>
      </InlineRow>
    </Box>
  );
}
