import type {
  Attestation,
  CampaignItem,
  PendingAttestation,
} from '@ownership-portal/plugin-ownership-common';
import { useCallback, useState } from 'react';
import { useAttest } from '../Attest';
import { errorMessage } from '../shared';

/** How a bulk confirmation went. */
export interface BulkOutcome {
  confirmed: number;
  failed: Array<{ entityRef: string; message: string }>;
}

/**
 * Confirms items one request after the other (so the backend sees each
 * answer on its own and one failure stops nothing), calling `onAnswered`
 * for each one recorded and reporting which ones failed and why.
 */
export function useBulkConfirm(
  onAnswered: (item: CampaignItem, attestation: Attestation) => void,
) {
  const attest = useAttest();
  const [running, setRunning] = useState(false);
  const [progress, setProgress] = useState({ done: 0, total: 0 });
  const [outcome, setOutcome] = useState<BulkOutcome>();

  const confirm = useCallback(
    async (items: PendingAttestation[]) => {
      setRunning(true);
      setOutcome(undefined);
      setProgress({ done: 0, total: items.length });
      const result: BulkOutcome = { confirmed: 0, failed: [] };
      for (const { campaign, item } of items) {
        try {
          const attestation = await attest(campaign.id, {
            entityRef: item.entityRef,
            answer: 'confirm',
          });
          result.confirmed += 1;
          onAnswered(item, attestation);
        } catch (e) {
          result.failed.push({
            entityRef: item.entityRef,
            message: errorMessage(e),
          });
        }
        setProgress(p => ({ ...p, done: p.done + 1 }));
      }
      setOutcome(result);
      setRunning(false);
    },
    [attest, onAnswered],
  );

  return {
    running,
    ...progress,
    outcome,
    confirm,
    dismiss: () => setOutcome(undefined),
  };
}
