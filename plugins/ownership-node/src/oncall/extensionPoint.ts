import { createExtensionPoint } from '@backstage/backend-plugin-api';
import type { OnCallProvider } from './types';

/**
 * Lets backend modules add on-call providers to the ownership backend.
 *
 * @public
 */
export interface OwnershipOnCallProvidersExtensionPoint {
  /**
   * Registers providers. Ids must be unique; a duplicate stops the backend
   * at start-up with an error naming it. When several providers match a
   * service equally specifically, the one registered first wins (the
   * built-in static rotations come last).
   */
  addProvider(...providers: OnCallProvider[]): void;
}

/**
 * Extension point for adding on-call providers.
 *
 * @public
 */
export const ownershipOnCallProvidersExtensionPoint =
  createExtensionPoint<OwnershipOnCallProvidersExtensionPoint>({
    id: 'ownership.oncall-providers',
  });
