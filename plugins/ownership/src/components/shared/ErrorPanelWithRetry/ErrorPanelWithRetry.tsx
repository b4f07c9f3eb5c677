import { ResponseErrorPanel } from '@backstage/core-components';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';

/**
 * A failed request on a page or in a table: Backstage's error panel (what
 * failed, with the backend's message and details) and a button to try again.
 * Compact cards use `LoadErrorState` instead.
 */
export function ErrorPanelWithRetry(props: {
  title: string;
  error: Error;
  onRetry: () => void;
}) {
  return (
    <Stack spacing={1} alignItems="flex-start">
      <ResponseErrorPanel title={props.title} error={props.error} />
      <Button size="small" onClick={props.onRetry}>
        Retry
      </Button>
    </Stack>
  );
}
