import { useAnalytics, useApi } from '@backstage/core-plugin-api';
import type {
  Attestation,
  AttestationInput,
} from '@ownership-portal/plugin-ownership-common';
import { useCallback, useRef } from 'react';
import { ownershipApiRef } from '../../api';
import { newIdempotencyKey } from '../../api/idempotencyKey';

/**
 * Records answers. Each answer gets its own `Idempotency-Key`; an answer
 * that failed and is sent again unchanged (the user retrying it) reuses its
 * key, so a request that did reach the backend is not stored twice.
 */
export function useAttest(): (
  campaignId: number,
  input: AttestationInput,
) => Promise<Attestation> {
  const api = useApi(ownershipApiRef);
  const analytics = useAnalytics();
  const keys = useRef(new Map<string, string>());
  return useCallback(
    async (campaignId, input) => {
      const payload = JSON.stringify([campaignId, input]);
      let key = keys.current.get(payload);
      if (!key) {
        key = newIdempotencyKey();
        keys.current.set(payload, key);
      }
      const attestation = await api.attest(campaignId, input, {
        idempotencyKey: key,
      });
      keys.current.delete(payload);
      analytics.captureEvent('attest', input.answer, {
        attributes: {
          campaignId: String(campaignId),
          entityRef: input.entityRef,
        },
      });
      return attestation;
    },
    [api, analytics],
  );
}
