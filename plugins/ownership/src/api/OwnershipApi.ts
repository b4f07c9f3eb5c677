import { createApiRef } from '@backstage/frontend-plugin-api';
import type {
  OwnershipOverview,
  RuleListResponse,
} from '@ownership-portal/plugin-ownership-common';

/**
 * Client for the ownership backend (`/api/ownership`).
 *
 * @public
 */
export interface OwnershipApi {
  /** What the audit covers, counted live from the catalog. */
  getOverview(): Promise<OwnershipOverview>;
  /** The audit rules registered with the backend. */
  listRules(): Promise<RuleListResponse>;
}

/**
 * Reference to the {@link OwnershipApi}.
 *
 * @public
 */
export const ownershipApiRef = createApiRef<OwnershipApi>().with({
  id: 'plugin.ownership.api',
  pluginId: 'ownership',
});
