import { useApi } from '@backstage/core-plugin-api';
import type { PendingAttestation } from '@ownership-portal/plugin-ownership-common';
import { useCallback, useEffect, useRef, useState } from 'react';
import { ownershipApiRef } from '../../api';

interface PendingState {
  items: PendingAttestation[];
  nextCursor?: string;
  loading: boolean;
  error?: Error;
}

/** The same item of the same campaign. */
function samePending(
  a: PendingAttestation,
  campaignId: number,
  entityRef: string,
): boolean {
  return a.campaign.id === campaignId && a.item.entityRef === entityRef;
}

/**
 * The pending attestations of the signed-in user (or, with `entity`, of one
 * entity; with `team`, of one team; with `campaign`, of one campaign), read
 * page by page: `loadMore` appends the next page, `remove`
 * drops an item once it is answered, `retry` starts again.
 */
export function usePendingAttestations(
  options: {
    entity?: string;
    team?: string;
    campaign?: number;
    pageSize?: number;
  } = {},
) {
  const { entity, team, campaign, pageSize = 50 } = options;
  const api = useApi(ownershipApiRef);
  const [state, setState] = useState<PendingState>({
    items: [],
    loading: true,
  });
  // Answers of an earlier selection or attempt are dropped.
  const generation = useRef(0);

  const load = useCallback(
    async (cursor: string | undefined, current: number) => {
      setState(s => ({ ...s, loading: true, error: undefined }));
      try {
        const page = await api.listPendingAttestations({
          entity,
          team,
          campaign,
          limit: pageSize,
          cursor,
        });
        if (generation.current === current) {
          setState(s => ({
            items: cursor ? [...s.items, ...page.items] : page.items,
            nextCursor: page.nextCursor,
            loading: false,
          }));
        }
      } catch (error) {
        if (generation.current === current) {
          setState(s => ({ ...s, loading: false, error: error as Error }));
        }
      }
    },
    [api, entity, team, campaign, pageSize],
  );

  const retry = useCallback(() => {
    generation.current += 1;
    load(undefined, generation.current);
  }, [load]);

  useEffect(retry, [retry]);

  const loadMore = useCallback(() => {
    if (state.nextCursor) {
      load(state.nextCursor, generation.current);
    }
  }, [load, state.nextCursor]);

  const remove = useCallback((campaignId: number, entityRef: string) => {
    setState(s => ({
      ...s,
      items: s.items.filter(p => !samePending(p, campaignId, entityRef)),
    }));
  }, []);

  return { ...state, loadMore, remove, retry };
}
