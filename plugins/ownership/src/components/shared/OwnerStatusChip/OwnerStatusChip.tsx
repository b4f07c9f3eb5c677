import Chip from '@mui/material/Chip';
import type { OwnerStatus } from '@ownership-portal/plugin-ownership-common';

const LABELS: Record<
  Exclude<OwnerStatus, 'ok'>,
  { label: string; color: 'error' | 'warning' }
> = {
  missing: { label: 'No owner', color: 'error' },
  unresolved: { label: 'Owner not in catalog', color: 'error' },
  individual: { label: 'Owned by a person', color: 'warning' },
  'empty-team': { label: 'Team has no members', color: 'warning' },
};

/** A chip naming what is wrong with an owner; nothing for a valid owner. */
export function OwnerStatusChip(props: { status: OwnerStatus }) {
  if (props.status === 'ok') {
    return null;
  }
  const { label, color } = LABELS[props.status] ?? {
    label: props.status,
    color: 'warning',
  };
  return <Chip size="small" color={color} label={label} />;
}
