import { useTranslationRef } from '@backstage/frontend-plugin-api';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { ownershipTranslationRef } from '../../translation';
import { AnswerDialog } from './AnswerDialog';

/**
 * "Retire": the team owns the item and it should leave the catalog; asks
 * for confirmation, with an optional comment.
 */
export function RetireDialog(props: {
  open: boolean;
  entityRef: string;
  entityTitle: string;
  onSubmit: (answer: { comment?: string }) => Promise<void>;
  onClose: () => void;
}) {
  const { t } = useTranslationRef(ownershipTranslationRef);
  const [comment, setComment] = useState('');
  return (
    <AnswerDialog
      open={props.open}
      title={t('attest.retireTitle', { entity: props.entityTitle })}
      submitLabel={t('attest.retire')}
      canSubmit
      onSubmit={() => props.onSubmit({ comment: comment.trim() || undefined })}
      onClose={props.onClose}
    >
      <Typography variant="body2">
        {t('attest.retireHelp', { entity: <code>{props.entityRef}</code> })}
      </Typography>
      <TextField
        label={t('attest.comment')}
        value={comment}
        onChange={e => setComment(e.target.value)}
        inputProps={{ maxLength: 2000 }}
      />
    </AnswerDialog>
  );
}
