import Chip from '@mui/material/Chip';
import type { MaturityLevel } from '@ownership-portal/plugin-ownership-common';
import { useMaturityText } from '../maturity';

const LEVEL_COLORS: Record<MaturityLevel, 'error' | 'default' | 'success'> = {
  0: 'error',
  1: 'default',
  2: 'default',
  3: 'success',
  4: 'success',
};

/** `Level 3 · Documented` as a chip: red when not owned, green from level 3; the meaning on hover. */
export function MaturityChip(props: { level: MaturityLevel }) {
  const { level } = props;
  const maturity = useMaturityText();
  return (
    <Chip
      size="small"
      color={LEVEL_COLORS[level] ?? 'default'}
      label={maturity.label(level)}
      title={maturity.description(level)}
    />
  );
}
