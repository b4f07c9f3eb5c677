import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Alert from '@mui/material/Alert';
import Chip from '@mui/material/Chip';
import type {
  ReadState,
  StaleRead,
} from '@ownership-portal/plugin-ownership-common';
import { ownershipTranslationRef } from '../../../translation';
import { readStateTexts } from './readStateText';

/**
 * A small chip for a document served from its last good read; the reason
 * and the time of that read are in its title.
 */
export function StaleCopyChip(props: { stale: StaleRead }) {
  const { t } = useTranslationRef(ownershipTranslationRef);
  return (
    <Chip
      size="small"
      color="warning"
      variant="outlined"
      label={t('shared.readState.staleChip')}
      title={readStateTexts(t).staleText(props.stale)}
    />
  );
}

/** A small chip for a document that could not be read just now and never was before. */
export function UnknownReadChip(props: { reason?: string }) {
  const { t } = useTranslationRef(ownershipTranslationRef);
  return (
    <Chip
      size="small"
      variant="outlined"
      label={t('shared.readState.unknownChip')}
      title={readStateTexts(t).unknownText(props.reason)}
    />
  );
}

/**
 * A note above a list whose source could not be read just now: what is
 * shown is its last good read (`stale`), or nothing is known (`unknown`).
 * Neither is a finding, so it is information, not a warning.
 */
export function ReadStateNote(props: { state?: ReadState; what?: string }) {
  const { state, what } = props;
  const { t } = useTranslationRef(ownershipTranslationRef);
  if (!state) {
    return null;
  }
  return (
    <Alert severity="info" sx={{ mb: 1 }}>
      {what ? t('shared.readState.what', { what }) : ''}
      {readStateTexts(t).readStateText(state)}
    </Alert>
  );
}
