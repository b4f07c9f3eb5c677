import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type {
  Attestation,
  AttestationAnswer,
  CampaignItem,
} from '@ownership-portal/plugin-ownership-common';
import { useState } from 'react';
import { ownershipTranslationRef } from '../../translation';
import { errorMessage } from '../shared';
import { NotOursDialog } from './NotOursDialog';
import { RetireDialog } from './RetireDialog';
import { TransferDialog } from './TransferDialog';
import { useAttest } from './useAttest';

const ALL_ANSWERS: AttestationAnswer[] = [
  'confirm',
  'transfer',
  'not-ours',
  'retire',
];

/**
 * The answer buttons of one item: Confirm records at once; Transfer, Not
 * ours and Retire open their dialog. Each button is named with the item's
 * ref for assistive technology and tests ("Confirm component:default/x").
 */
export function AnswerActions(props: {
  campaignId: number;
  item: CampaignItem;
  onAnswered: (attestation: Attestation) => void;
  /** The answers offered; all four by default. */
  answers?: AttestationAnswer[];
  disabled?: boolean;
}) {
  const { campaignId, item, onAnswered } = props;
  const answers = props.answers ?? ALL_ANSWERS;
  const { t } = useTranslationRef(ownershipTranslationRef);
  const attest = useAttest();
  const [dialog, setDialog] = useState<AttestationAnswer>();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string>();
  const ref = item.entityRef;

  const record = async (
    answer: AttestationAnswer,
    extra: { transferTo?: string; reason?: string; comment?: string } = {},
  ) => {
    const attestation = await attest(campaignId, {
      entityRef: ref,
      answer,
      ...extra,
    });
    setDialog(undefined);
    onAnswered(attestation);
  };

  const confirm = async () => {
    setConfirming(true);
    setError(undefined);
    try {
      await record('confirm');
    } catch (e) {
      setError(t('attest.confirmError', { message: errorMessage(e) }));
      setConfirming(false);
    }
  };

  const disabled = props.disabled || confirming;
  return (
    <>
      <Stack direction="row" spacing={1} useFlexGap flexWrap="wrap">
        {answers.includes('confirm') && (
          <Button
            size="small"
            variant="contained"
            onClick={confirm}
            disabled={disabled}
            aria-label={t('attest.confirmLabel', { entity: ref })}
          >
            {t('attest.confirm')}
          </Button>
        )}
        {answers.includes('transfer') && (
          <Button
            size="small"
            variant="outlined"
            onClick={() => setDialog('transfer')}
            disabled={disabled}
            aria-label={t('attest.transferLabel', { entity: ref })}
          >
            {t('attest.transfer')}
          </Button>
        )}
        {answers.includes('not-ours') && (
          <Button
            size="small"
            variant="outlined"
            onClick={() => setDialog('not-ours')}
            disabled={disabled}
            aria-label={t('attest.notOursLabel', { entity: ref })}
          >
            {t('attest.notOurs')}
          </Button>
        )}
        {answers.includes('retire') && (
          <Button
            size="small"
            onClick={() => setDialog('retire')}
            disabled={disabled}
            aria-label={t('attest.retireLabel', { entity: ref })}
          >
            {t('attest.retire')}
          </Button>
        )}
      </Stack>
      {error && (
        <Typography variant="caption" color="error" role="alert">
          {error}
        </Typography>
      )}
      {dialog === 'transfer' && (
        <TransferDialog
          open
          entityRef={ref}
          entityTitle={item.title}
          team={item.team}
          onSubmit={answer => record('transfer', { ...answer })}
          onClose={() => setDialog(undefined)}
        />
      )}
      {dialog === 'not-ours' && (
        <NotOursDialog
          open
          entityRef={ref}
          entityTitle={item.title}
          onSubmit={answer => record('not-ours', { ...answer })}
          onClose={() => setDialog(undefined)}
        />
      )}
      {dialog === 'retire' && (
        <RetireDialog
          open
          entityRef={ref}
          entityTitle={item.title}
          onSubmit={answer => record('retire', { ...answer })}
          onClose={() => setDialog(undefined)}
        />
      )}
    </>
  );
}
