import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Chip from '@mui/material/Chip';
import type { OwnerStatus } from '@ownership-portal/plugin-ownership-common';
import { ownershipTranslationRef } from '../../../translation';

const LABELS = {
  missing: { key: 'missing', color: 'error' },
  unresolved: { key: 'unresolved', color: 'error' },
  individual: { key: 'individual', color: 'warning' },
  'empty-team': { key: 'emptyTeam', color: 'warning' },
} as const;

/** A chip naming what is wrong with an owner; nothing for a valid owner. */
export function OwnerStatusChip(props: { status: OwnerStatus }) {
  const { t } = useTranslationRef(ownershipTranslationRef);
  if (props.status === 'ok') {
    return null;
  }
  const known = LABELS[props.status];
  return (
    <Chip
      size="small"
      color={known?.color ?? 'warning'}
      label={known ? t(`shared.ownerStatus.${known.key}`) : props.status}
    />
  );
}
