import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import type { CampaignService } from '../services/campaigns/CampaignService';
import type { LookupService } from '../services/lookup/LookupService';
import type { CatalogVisibility } from '../services/query/CatalogVisibility';
import type { ServiceQueries } from '../services/query/ServiceQueries';
import { registerListOwnershipFindingsAction } from './listOwnershipFindings';
import { registerListPendingAttestationsAction } from './listPendingAttestations';
import { registerWhoOwnsAction } from './whoOwns';

/**
 * Registers the ownership actions (`who-owns`, `list-ownership-findings`,
 * `list-pending-attestations`)
 * that `mcp-actions-backend` exposes to AI assistants. They read the same
 * results as the REST API, with the caller's catalog read permissions.
 */
export function registerOwnershipActions(options: {
  actionsRegistry: ActionsRegistryService;
  services: ServiceQueries;
  lookup: LookupService;
  visibility: CatalogVisibility;
  campaigns: CampaignService;
}) {
  registerWhoOwnsAction(options);
  registerListOwnershipFindingsAction(options);
  registerListPendingAttestationsAction(options);
}
