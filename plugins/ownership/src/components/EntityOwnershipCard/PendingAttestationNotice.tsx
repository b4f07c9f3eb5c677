import { stringifyEntityRef } from '@backstage/catalog-model';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import { usePermission } from '@backstage/plugin-permission-react';
import Alert from '@mui/material/Alert';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import {
  type Attestation,
  type CampaignItem,
  ownershipAttestationCreatePermission,
} from '@ownership-portal/plugin-ownership-common';
import { useState } from 'react';
import { ownershipTranslationRef } from '../../translation';
import { AnswerActions, RecordedChange } from '../Attest';
import { usePendingAttestations } from '../PendingAttestations';
import { formatDay } from '../shared';

/** The answer buttons, for users allowed to answer for this entity. */
function Actions(props: {
  campaignId: number;
  item: CampaignItem;
  onAnswered: (attestation: Attestation) => void;
}) {
  const { allowed } = usePermission({
    permission: ownershipAttestationCreatePermission,
    resourceRef: props.item.entityRef,
  });
  if (!allowed) {
    return null;
  }
  return <AnswerActions answers={['confirm', 'transfer']} {...props} />;
}

/**
 * "Attestation due in <campaign> (due <date>)" for each open campaign that
 * awaits an answer about the current entity, with Confirm and Transfer.
 * Renders nothing when nothing is pending, or when the list cannot be read
 * (the rest of the card does not depend on it).
 */
export function PendingAttestationNotice() {
  const { entity } = useEntity();
  const { t } = useTranslationRef(ownershipTranslationRef);
  const entityRef = stringifyEntityRef(entity).toLocaleLowerCase('en-US');
  const pending = usePendingAttestations({ entity: entityRef, pageSize: 10 });
  const [recorded, setRecorded] = useState<{
    item: CampaignItem;
    attestation: Attestation;
  }>();
  const [confirmed, setConfirmed] = useState<string>();

  if (pending.items.length === 0 && !recorded && !confirmed) {
    return null;
  }
  return (
    <Stack spacing={1} sx={{ mb: 2 }}>
      {pending.items.map(({ campaign, item }) => (
        <Alert
          key={campaign.id}
          severity={campaign.overdue ? 'warning' : 'info'}
          data-testid={`attestation-due-${campaign.id}`}
        >
          <Typography variant="body2" component="p" sx={{ mb: 1 }}>
            {t('entityAttestation.due', {
              campaign: campaign.title,
              date: formatDay(campaign.dueAt),
            })}
          </Typography>
          <Actions
            campaignId={campaign.id}
            item={item}
            onAnswered={attestation => {
              pending.remove(campaign.id, item.entityRef);
              if (attestation.answer === 'transfer') {
                setRecorded({ item, attestation });
              } else {
                setConfirmed(campaign.title);
              }
            }}
          />
        </Alert>
      ))}
      {confirmed && (
        <Alert severity="success" role="status">
          {t('entityAttestation.confirmed', { campaign: confirmed })}
        </Alert>
      )}
      {recorded && <RecordedChange {...recorded} />}
    </Stack>
  );
}
