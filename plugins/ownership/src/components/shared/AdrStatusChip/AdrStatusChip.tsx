import Chip from '@mui/material/Chip';
import type {
  AdrInfo,
  AdrStatus,
} from '@ownership-portal/plugin-ownership-common';

const ADR_STATUS_COLORS: Record<
  AdrStatus,
  'success' | 'info' | 'default' | 'warning' | 'error'
> = {
  accepted: 'success',
  proposed: 'info',
  superseded: 'default',
  deprecated: 'warning',
  rejected: 'error',
  unknown: 'default',
};

/** The status of a decision record as a small coloured chip. */
export function AdrStatusChip(props: { status: AdrStatus }) {
  return (
    <Chip
      size="small"
      variant="outlined"
      color={ADR_STATUS_COLORS[props.status] ?? 'default'}
      label={props.status}
    />
  );
}

/** Decisions newest first; undated ones last, in the order given. */
export function newestFirst<T extends Pick<AdrInfo, 'date'>>(adrs: T[]): T[] {
  return adrs
    .map((adr, index) => ({ adr, index }))
    .sort((a, b) => {
      const da = a.adr.date ?? '';
      const db = b.adr.date ?? '';
      if (da !== db) {
        return da < db ? 1 : -1;
      }
      return a.index - b.index;
    })
    .map(({ adr }) => adr);
}
