import type {
  AuditorService,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import type express from 'express';
import type { RunStore } from '../database/types';
import type { OnCallService } from '../oncall/OnCallService';
import type { AuditRunner } from '../services/audit/AuditRunner';
import type { RuleEngine } from '@ownership-portal/plugin-ownership-rules';
import type { LookupService } from '../services/lookup/LookupService';
import type { OverviewService } from '../services/OverviewService';
import type { CatalogVisibility } from '../services/query/CatalogVisibility';
import type { Selection } from '../services/query/Selection';
import type { SearchDocumentQueries } from '../services/query/SearchDocumentQueries';
import type { ServiceQueries } from '../services/query/ServiceQueries';
import type { TeamQueries } from '../services/query/TeamQueries';
import type { DocumentQueries } from '../services/query/DocumentQueries';
import type { CampaignService } from '../services/campaigns/CampaignService';
import { campaignsRoutes } from './campaignsRoutes';
import { documentsRoutes } from './documentsRoutes';
import { infoRoutes } from './infoRoutes';
import { runsRoutes } from './runsRoutes';
import { searchDocumentsRoutes } from './searchDocumentsRoutes';
import { servicesRoutes } from './servicesRoutes';
import { teamsRoutes } from './teamsRoutes';
import { answerInvalidParameters, createValidatedRouter } from './validation';

/** Everything the routes read from. */
export interface RouterDeps {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  auditor: AuditorService;
  runner: AuditRunner;
  runs: RunStore;
  engine: RuleEngine;
  selection: Selection;
  services: ServiceQueries;
  teams: TeamQueries;
  lookup: LookupService;
  visibility: CatalogVisibility;
  overview: OverviewService;
  oncall: OnCallService;
  /** The local documents that `/documents` shows. */
  documents: DocumentQueries;
  campaigns: CampaignService;
  /** Pages of the latest run as search documents, for the search collator. */
  searchDocuments: SearchDocumentQueries;
}

/**
 * The `/api/ownership` router. Requests are checked against
 * `schema/openapi.yaml` first, which is also served at `/openapi.json`, and
 * each handler must answer the shape the document gives its operation.
 * Every route needs user or service credentials; bad parameters are 400s
 * that name the parameter.
 */
export function createRouter(deps: RouterDeps): express.Router {
  const ruleIds = () => deps.engine.describe().map(r => r.id);
  const router = createValidatedRouter();
  servicesRoutes(router, { ...deps, ruleIds });
  teamsRoutes(router, deps);
  runsRoutes(router, deps);
  infoRoutes(router, deps);
  documentsRoutes(router, deps);
  campaignsRoutes(router, deps);
  searchDocumentsRoutes(router, deps);
  router.use(answerInvalidParameters());
  return router;
}
