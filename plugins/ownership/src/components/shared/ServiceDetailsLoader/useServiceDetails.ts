import { stringifyEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { ownershipApiRef } from '../../../api';

/**
 * The audit result of the entity on the current entity page, with the
 * request's loading and error state and a retry.
 */
export function useServiceDetails() {
  const { entity } = useEntity();
  // Refs are case-insensitive; the backend keys them in lower case.
  const entityRef = stringifyEntityRef(entity).toLocaleLowerCase('en-US');
  const api = useApi(ownershipApiRef);
  const state = useAsyncRetry(
    () => api.getService(entityRef),
    [api, entityRef],
  );
  return { entity, entityRef, ...state };
}
