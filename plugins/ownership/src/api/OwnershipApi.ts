import { createApiRef } from '@backstage/frontend-plugin-api';
import type {
  Attestation,
  AttestationAnswer,
  AttestationInput,
  AttestationList,
  AuditRun,
  Campaign,
  CampaignDetails,
  CampaignInput,
  CampaignItemPage,
  CampaignPage,
  CampaignState,
  FindingRecord,
  LocalDocument,
  LookupResponse,
  OnCallAnswer,
  OwnershipOverview,
  Page,
  PendingAttestationPage,
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
 * Filters and paging of a campaign's items; every field is optional.
 *
 * @public
 */
export interface CampaignItemsRequest {
  /** Only items of this owning team (full ref), sub-groups excluded. */
  team?: string;
  /** Only items whose current answer is this one. */
  answer?: AttestationAnswer;
  /** `true`: only unanswered items; `false`: only answered ones. */
  pending?: boolean;
  limit?: number;
  cursor?: string;
}

/**
 * Options of a write the backend makes idempotent.
 *
 * @public
 */
export interface IdempotentRequestOptions {
  /**
   * Sent as `Idempotency-Key`: a request repeated with the same key stores
   * nothing new. A fresh random key when absent; callers that may repeat a
   * request pass the same key each time.
   */
  idempotencyKey?: string;
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
  /** Audit campaigns, newest opening date first. */
  listCampaigns(request?: {
    state?: CampaignState;
    limit?: number;
    cursor?: string;
  }): Promise<CampaignPage>;
  /** Schedules a campaign; needs `ownership.campaign.manage`. */
  createCampaign(
    input: CampaignInput,
    options?: IdempotentRequestOptions,
  ): Promise<Campaign>;
  /** One campaign with its progress per team. */
  getCampaign(id: number): Promise<CampaignDetails>;
  /** Closes a campaign for good; 409 when it is already closed. */
  closeCampaign(id: number): Promise<Campaign>;
  /** A page of a campaign's items. */
  listCampaignItems(
    id: number,
    request?: CampaignItemsRequest,
  ): Promise<CampaignItemPage>;
  /** Records an answer for one item; 409 when the campaign is not open. */
  attest(
    id: number,
    input: AttestationInput,
    options?: IdempotentRequestOptions,
  ): Promise<Attestation>;
  /** Every answer recorded for one item of a campaign, oldest first. */
  listAttestations(id: number, entityRef: string): Promise<AttestationList>;
  /**
   * The signed-in user's unanswered items of open campaigns, oldest due date
   * first; with `entity`, that entity's pending items whoever owns it.
   */
  listPendingAttestations(request?: {
    entity?: string;
    /** One owning team's items instead of the signed-in user's teams. */
    team?: string;
    /** Only items of this campaign. */
    campaign?: number;
    limit?: number;
    cursor?: string;
  }): Promise<PendingAttestationPage>;
  /** The URL of a campaign's evidence as CSV. Fetching it needs Backstage credentials. */
  getCampaignCsvUrl(id: number): Promise<string>;
  /** The URL of a campaign's evidence as JSON with its digest. Fetching it needs Backstage credentials. */
  getCampaignEvidenceUrl(id: number): Promise<string>;
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
