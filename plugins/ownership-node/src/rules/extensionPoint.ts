import { createExtensionPoint } from '@backstage/backend-plugin-api';
import type { OwnershipRule } from '@ownership-portal/plugin-ownership-rules';

/**
 * Lets backend modules add audit rules to the ownership backend.
 *
 * @public
 */
export interface OwnershipRulesExtensionPoint {
  /**
   * Registers rules. Ids must be unique across all modules; a duplicate id
   * stops the backend at start-up with an error naming it.
   */
  addRules(...rules: OwnershipRule[]): void;
}

/**
 * Extension point for adding audit rules.
 *
 * @public
 */
export const ownershipRulesExtensionPoint =
  createExtensionPoint<OwnershipRulesExtensionPoint>({
    id: 'ownership.rules',
  });
