import Box from '@mui/material/Box';
import { type ReactNode, useId } from 'react';
import { SectionHeading } from './SectionHeading';

/** A titled section of a compact card, named by its heading for assistive technology. */
export function Section(props: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <Box component="section" aria-labelledby={id}>
      <SectionHeading id={id}>{props.title}</SectionHeading>
      {props.children}
    </Box>
  );
}
