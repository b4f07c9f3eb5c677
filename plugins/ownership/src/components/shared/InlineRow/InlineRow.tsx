import Stack from '@mui/material/Stack';
import type { ReactNode } from 'react';

/** Small items side by side, vertically centred, wrapping on narrow screens. */
export function InlineRow(props: {
  children: ReactNode;
  /** Names the row as a group for assistive technology. */
  'aria-label'?: string;
}) {
  const label = props['aria-label'];
  return (
    <Stack
      direction="row"
      spacing={1}
      alignItems="center"
      useFlexGap
      flexWrap="wrap"
      {...(label && { role: 'group', 'aria-label': label })}
    >
      {props.children}
    </Stack>
  );
}
