import { useTranslationRef } from '@backstage/frontend-plugin-api';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { ownershipTranslationRef } from '../../translation';
import { AnswerDialog } from './AnswerDialog';
import { type GroupOption, GroupPicker } from './GroupPicker';

/** What a transfer records. */
interface TransferAnswer {
  transferTo: string;
  comment?: string;
}

/**
 * "Transfer": hands an item to another catalog Group, with an optional
 * comment. The submit button stays disabled until a group is picked.
 */
export function TransferDialog(props: {
  open: boolean;
  entityRef: string;
  entityTitle: string;
  /** The team answering now; not offered as the new owner. */
  team: string;
  onSubmit: (answer: TransferAnswer) => Promise<void>;
  onClose: () => void;
}) {
  const { t } = useTranslationRef(ownershipTranslationRef);
  const [group, setGroup] = useState<GroupOption | null>(null);
  const [comment, setComment] = useState('');
  return (
    <AnswerDialog
      open={props.open}
      title={t('attest.transferTitle', { entity: props.entityTitle })}
      submitLabel={t('attest.transfer')}
      canSubmit={group !== null}
      onSubmit={() =>
        props.onSubmit({
          transferTo: group!.entityRef,
          comment: comment.trim() || undefined,
        })
      }
      onClose={props.onClose}
    >
      <Typography variant="body2">
        {t('attest.transferHelp', { entity: <code>{props.entityRef}</code> })}
      </Typography>
      <GroupPicker value={group} onChange={setGroup} exclude={props.team} />
      <TextField
        label={t('attest.comment')}
        value={comment}
        onChange={e => setComment(e.target.value)}
        multiline
        minRows={2}
        inputProps={{ maxLength: 2000 }}
      />
    </AnswerDialog>
  );
}
