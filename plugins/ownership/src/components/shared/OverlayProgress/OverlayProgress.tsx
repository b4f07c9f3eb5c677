import LinearProgress from '@mui/material/LinearProgress';

/**
 * A thin progress bar over the top edge of content that is being reloaded,
 * so the old content stays in place until the new arrives. Put it in a
 * container with `position: relative`.
 */
export function OverlayProgress(props: { label: string }) {
  return (
    <LinearProgress
      aria-label={props.label}
      sx={{ position: 'absolute', top: 0, left: 0, right: 0 }}
    />
  );
}
