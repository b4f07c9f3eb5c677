import { useTranslationRef } from '@backstage/frontend-plugin-api';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { ownershipTranslationRef } from '../../translation';
import { AnswerDialog } from './AnswerDialog';

/** What a "not ours" answer records. */
interface NotOursAnswer {
  reason: string;
  comment?: string;
}

/**
 * "Not ours": the team does not own the item and does not know who does.
 * The reason is required: the submit button stays disabled until one is typed.
 */
export function NotOursDialog(props: {
  open: boolean;
  entityRef: string;
  entityTitle: string;
  onSubmit: (answer: NotOursAnswer) => Promise<void>;
  onClose: () => void;
}) {
  const { t } = useTranslationRef(ownershipTranslationRef);
  const [reason, setReason] = useState('');
  const [comment, setComment] = useState('');
  return (
    <AnswerDialog
      open={props.open}
      title={t('attest.notOursTitle', { entity: props.entityTitle })}
      submitLabel={t('attest.notOurs')}
      canSubmit={reason.trim() !== ''}
      onSubmit={() =>
        props.onSubmit({
          reason: reason.trim(),
          comment: comment.trim() || undefined,
        })
      }
      onClose={props.onClose}
    >
      <Typography variant="body2">
        {t('attest.notOursHelp', { entity: <code>{props.entityRef}</code> })}
      </Typography>
      <TextField
        label={t('attest.reason')}
        value={reason}
        onChange={e => setReason(e.target.value)}
        required
        multiline
        minRows={2}
        inputProps={{ maxLength: 2000 }}
      />
      <TextField
        label={t('attest.comment')}
        value={comment}
        onChange={e => setComment(e.target.value)}
        inputProps={{ maxLength: 2000 }}
      />
    </AnswerDialog>
  );
}
