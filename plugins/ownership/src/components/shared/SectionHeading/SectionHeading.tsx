import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';

/** A small section heading for compact cards; give it the id a section is labelled by. */
export function SectionHeading(props: { id: string; children: ReactNode }) {
  return (
    <Typography
      id={props.id}
      variant="overline"
      component="h4"
      color="text.secondary"
      sx={{ display: 'block', lineHeight: 1.8 }}
    >
      {props.children}
    </Typography>
  );
}
