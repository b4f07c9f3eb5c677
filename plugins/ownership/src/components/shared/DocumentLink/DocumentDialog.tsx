import { MarkdownContent, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Typography from '@mui/material/Typography';
import { useId } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { ownershipApiRef } from '../../../api';
import { ownershipTranslationRef } from '../../../translation';
import { ErrorPanelWithRetry } from '../ErrorPanelWithRetry';
import { formatDateTime } from '../format';

/** The path of a `file:` URL, for showing where a document lives. */
function pathOf(url: string): string {
  try {
    return decodeURIComponent(new URL(url).pathname);
  } catch {
    return url;
  }
}

/**
 * A local document read through the backend and shown as markdown in a
 * dialog, with loading and error-with-retry states; Escape closes it.
 */
export function DocumentDialog(props: {
  url: string;
  title: string;
  onClose: () => void;
}) {
  const { url, title, onClose } = props;
  const api = useApi(ownershipApiRef);
  const { t } = useTranslationRef(ownershipTranslationRef);
  const titleId = useId();
  const document = useAsyncRetry(() => api.getDocument(url), [api, url]);

  let content;
  if (document.error) {
    content = (
      <ErrorPanelWithRetry
        title={t('documentDialog.errorTitle', { title })}
        error={document.error}
        onRetry={document.retry}
      />
    );
  } else if (!document.value) {
    content = <Progress />;
  } else {
    content = <MarkdownContent content={document.value.markdown} />;
  }

  const modified = document.value?.lastModified;
  return (
    <Dialog
      open
      onClose={onClose}
      aria-labelledby={titleId}
      maxWidth="md"
      fullWidth
      scroll="paper"
    >
      <DialogTitle id={titleId}>{title}</DialogTitle>
      <DialogContent dividers>{content}</DialogContent>
      <DialogActions>
        <Typography
          variant="caption"
          color="text.secondary"
          sx={{ mr: 'auto', px: 2, overflowWrap: 'anywhere' }}
        >
          {pathOf(url)}
          {modified &&
            t('documentDialog.lastModified', {
              time: formatDateTime(modified),
            })}
        </Typography>
        <Button onClick={onClose}>{t('documentDialog.close')}</Button>
      </DialogActions>
    </Dialog>
  );
}
