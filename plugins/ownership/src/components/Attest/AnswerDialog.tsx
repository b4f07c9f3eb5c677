import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import { type ReactNode, useId, useState } from 'react';
import { ownershipTranslationRef } from '../../translation';
import { errorMessage } from '../shared';

/**
 * A dialog that records one answer: its fields, Cancel and a submit button
 * that stays disabled until `canSubmit` and while the request runs. A
 * failure is shown in the dialog, in the backend's words, and the dialog
 * stays open so the user can correct or retry.
 */
export function AnswerDialog(props: {
  open: boolean;
  title: string;
  submitLabel: string;
  canSubmit: boolean;
  onSubmit: () => Promise<void>;
  onClose: () => void;
  children: ReactNode;
}) {
  const { open, title, submitLabel, canSubmit, onSubmit, onClose } = props;
  const { t } = useTranslationRef(ownershipTranslationRef);
  const titleId = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const close = () => {
    if (!busy) {
      setError(undefined);
      onClose();
    }
  };

  const submit = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await onSubmit();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      open={open}
      onClose={close}
      aria-labelledby={titleId}
      fullWidth
      maxWidth="sm"
    >
      <DialogTitle id={titleId}>{title}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          {props.children}
          {error && <Alert severity="error">{error}</Alert>}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={close} disabled={busy}>
          {t('attest.cancel')}
        </Button>
        <Button
          variant="contained"
          onClick={submit}
          disabled={!canSubmit || busy}
        >
          {submitLabel}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
