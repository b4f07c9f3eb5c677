import { ResponseErrorPanel } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import { ownershipTranslationRef } from '../../../translation';

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
  const { t } = useTranslationRef(ownershipTranslationRef);
  return (
    <Stack spacing={1} alignItems="flex-start">
      <ResponseErrorPanel title={props.title} error={props.error} />
      <Button size="small" onClick={props.onRetry}>
        {t('shared.retry')}
      </Button>
    </Stack>
  );
}
