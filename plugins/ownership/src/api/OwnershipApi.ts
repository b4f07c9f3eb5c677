import { createApiRef } from '@backstage/frontend-plugin-api';
import type {
  AuditRun,
  FindingRecord,
  LocalDocument,
  LookupResponse,
  OnCallAnswer,
  OwnershipOverview,
  Page,
  RuleListResponse,
  RunListResponse,
  ServiceDetails,
  ServiceSummary,
  Severity,
  SummaryResponse,
  TeamDetails,
  TeamRollup,
} from '@ownership-portal/plugin-ownership-common';

/**
 * Filters of the service and finding listings; every field is optional.
 *
 * @public
 */
export interface OwnershipFilters {
  /** A group ref; its sub-groups are included. */
  team?: string;
  ruleId?: string[];
  severity?: Severity[];
  lifecycle?: string[];
  kind?: string[];
  q?: string;
}

/**
 * Paging and sorting of a listing.
 *
 * @public
 */
export interface OwnershipPageRequest {
  limit?: number;
  cursor?: string;
  orderBy?: string;
  order?: 'asc' | 'desc';
}

/**
 * Client for the ownership backend (`/api/ownership`).
 *
 * @public
 */
export interface OwnershipApi {
  /** What the audit covers, counted live from the catalog. */
  getOverview(): Promise<OwnershipOverview>;
  /** The audit rules with their effective configuration. */
  listRules(): Promise<RuleListResponse>;
  /** Org-wide figures of the latest run and the trend over stored runs. */
  getSummary(): Promise<SummaryResponse>;
  /** A page of audited entities. */
  listServices(
    filters?: OwnershipFilters,
    page?: OwnershipPageRequest,
  ): Promise<Page<ServiceSummary>>;
  /** One entity in full, by ref (`component:default/payments-api`). */
  getService(entityRef: string): Promise<ServiceDetails>;
  /** A page of findings. */
  listFindings(
    filters?: OwnershipFilters,
    page?: OwnershipPageRequest,
  ): Promise<Page<FindingRecord>>;
  /** The CSV export URL of a selection. Fetching it needs Backstage credentials. */
  getExportUrl(filters?: OwnershipFilters): Promise<string>;
  /** Downloads the CSV export of a selection with the user's credentials. */
  exportCsv(filters?: OwnershipFilters): Promise<Blob>;
  /** A page of team rollups. */
  listTeams(
    page?: OwnershipPageRequest & { q?: string },
  ): Promise<Page<TeamRollup>>;
  /** One team with its services, members, findings and reading list. */
  getTeam(entityRef: string): Promise<TeamDetails>;
  /** Who is on call for an entity now; `undefined` when it has no rotation. */
  getOnCall(entityRef: string): Promise<OnCallAnswer | undefined>;
  /** The incident lookup. */
  lookup(query: string, limit?: number): Promise<LookupResponse>;
  /** A runbook or decision record from the backend's local roots, by its `file:` URL. */
  getDocument(url: string): Promise<LocalDocument>;
  /** The latest run, or `undefined` before the first one. */
  getLatestRun(): Promise<AuditRun | undefined>;
  /** Recent runs, newest first. */
  listRuns(limit?: number): Promise<RunListResponse>;
  /**
   * Starts a run; rejects with a 409 ResponseError (a `ConflictError`) while
   * one is going on any replica. `getLatestRun` shows that run.
   */
  startRun(): Promise<AuditRun>;
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
