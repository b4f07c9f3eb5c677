import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';

/**
 * A quiet paragraph for an empty state: what is missing and what to add to
 * catalog-info.yaml.
 */
export function Hint(props: { children: ReactNode }) {
  return (
    <Typography variant="body2" color="text.secondary" component="p">
      {props.children}
    </Typography>
  );
}
