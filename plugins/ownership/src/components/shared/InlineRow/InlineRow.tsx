import Stack from '@mui/material/Stack';
import type { ReactNode } from 'react';

/** Small items side by side, vertically centred, wrapping on narrow screens. */
export function InlineRow(props: { children: ReactNode }) {
  return (
    <Stack
      direction="row"
      spacing={1}
      alignItems="center"
      useFlexGap
      flexWrap="wrap"
    >
      {props.children}
    </Stack>
  );
}
