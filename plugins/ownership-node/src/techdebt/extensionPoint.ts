import { createExtensionPoint } from '@backstage/backend-plugin-api';
import type { TechDebtSource } from './types';

/**
 * Lets backend modules add technical debt sources to the ownership backend.
 *
 * @public
 */
export interface OwnershipTechDebtSourcesExtensionPoint {
  /** Registers sources; ids must be unique. */
  addSource(...sources: TechDebtSource[]): void;
}

/**
 * Extension point for adding technical debt sources.
 *
 * @public
 */
export const ownershipTechDebtSourcesExtensionPoint =
  createExtensionPoint<OwnershipTechDebtSourcesExtensionPoint>({
    id: 'ownership.techdebt-sources',
  });
