import {
  parseEntityRef,
  type CompoundEntityRef,
} from '@backstage/catalog-model';
import type { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { InputError, ResponseError } from '@backstage/errors';
import type {
  Attestation,
  AttestationInput,
  AttestationList,
  AuditRun,
  Campaign,
  CampaignDetails,
  CampaignInput,
  CampaignItemPage,
  CampaignPage,
  CampaignState,
  EndpointMap,
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
  SummaryResponse,
  TeamDetails,
  TeamRollup,
} from '@ownership-portal/plugin-ownership-common';
import { newIdempotencyKey } from './idempotencyKey';
import type {
  CampaignItemsRequest,
  IdempotentRequestOptions,
  OwnershipApi,
  OwnershipFilters,
  OwnershipPageRequest,
} from './OwnershipApi';

/** An operation of the API as `#method|path`, e.g. `#get|/services`. */
type Endpoint = keyof EndpointMap;

/** The JSON an operation answers with, as the OpenAPI document gives it. */
type ResponseOf<K extends Endpoint> = EndpointMap[K]['response'];

/** Query parameters; arrays become repeated parameters. */
type QueryParams = Record<
  string,
  string | number | readonly string[] | undefined
>;

/** The query parameters an operation takes, by the document's names. */
type QueryOf<K extends Endpoint> = EndpointMap[K] extends { query: infer Q }
  ? { [P in keyof Q]?: QueryParams[string] }
  : never;

/** The values of an operation's path parameters, e.g. `{kind}`. */
type PathOf<K extends Endpoint> = EndpointMap[K] extends { path: infer P }
  ? { [N in keyof P]: string }
  : never;

/** The JSON body an operation takes. */
type BodyOf<K extends Endpoint> = EndpointMap[K] extends { body: infer B }
  ? B
  : never;

interface RequestOptions<K extends Endpoint> {
  query?: QueryOf<K>;
  path?: PathOf<K>;
  body?: BodyOf<K>;
  /** Header parameters, which the endpoint map does not describe. */
  headers?: Record<string, string>;
}

/**
 * `key=value` pairs joined with `&`: arrays as repeated parameters,
 * `undefined` and empty values left out, keys and values percent-encoded.
 */
function queryString(query: QueryParams = {}): string {
  const pairs: string[] = [];
  for (const [key, value] of Object.entries(query)) {
    const values: ReadonlyArray<string | number | undefined> =
      typeof value === 'object' ? value : [value];
    for (const v of values) {
      if (v !== undefined && v !== '') {
        pairs.push(`${encodeURIComponent(key)}=${encodeURIComponent(v)}`);
      }
    }
  }
  return pairs.join('&');
}

/** The filter parameters shared by `/services`, `/findings` and `/export.csv`. */
function filterQuery(
  filters: OwnershipFilters = {},
): QueryOf<'#get|/services' | '#get|/findings' | '#get|/export.csv'> {
  const { team, ruleId, severity, lifecycle, kind, q } = filters;
  return { team, ruleId, severity, lifecycle, kind, q };
}

/**
 * The `{kind}/{namespace}/{name}` path parameters of an entity ref; a ref
 * without a kind gets `defaultKind`, one without a namespace `default`.
 */
function refParams(
  entityRef: string,
  defaultKind: string,
): { kind: string; namespace: string; name: string } {
  let ref: CompoundEntityRef;
  try {
    ref = parseEntityRef(entityRef.trim(), {
      defaultKind,
      defaultNamespace: 'default',
    });
  } catch {
    throw new InputError(
      `Invalid entity ref "${entityRef}", expected [<kind>:][<namespace>/]<name>`,
    );
  }
  return { kind: ref.kind, namespace: ref.namespace, name: ref.name };
}

/** The `Idempotency-Key` header of a write: the caller's key or a fresh one. */
function idempotencyHeader(options: IdempotentRequestOptions): {
  'Idempotency-Key': string;
} {
  return { 'Idempotency-Key': options.idempotencyKey ?? newIdempotencyKey() };
}

/**
 * Talks to the ownership backend through the app's discovery and fetch APIs,
 * so requests carry the user's Backstage credentials.
 *
 * @public
 */
export class OwnershipClient implements OwnershipApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  getOverview(): Promise<OwnershipOverview> {
    return this.request('#get|/overview');
  }

  listRules(): Promise<RuleListResponse> {
    return this.request('#get|/rules');
  }

  getSummary(): Promise<SummaryResponse> {
    return this.request('#get|/summary');
  }

  listServices(
    filters?: OwnershipFilters,
    page: OwnershipPageRequest = {},
  ): Promise<Page<ServiceSummary>> {
    const { limit, cursor, orderBy, order } = page;
    return this.request('#get|/services', {
      query: { ...filterQuery(filters), limit, cursor, orderBy, order },
    });
  }

  async getService(entityRef: string): Promise<ServiceDetails> {
    return this.request('#get|/services/{kind}/{namespace}/{name}', {
      path: refParams(entityRef, 'component'),
    });
  }

  /**
   * `GET /findings` takes no sort parameters (it rejects unknown ones), so
   * `orderBy` and `order` of `page` are not sent.
   */
  listFindings(
    filters?: OwnershipFilters,
    page: OwnershipPageRequest = {},
  ): Promise<Page<FindingRecord>> {
    const { limit, cursor } = page;
    return this.request('#get|/findings', {
      query: { ...filterQuery(filters), limit, cursor },
    });
  }

  getExportUrl(filters?: OwnershipFilters): Promise<string> {
    return this.url('#get|/export.csv', { query: filterQuery(filters) });
  }

  async exportCsv(filters?: OwnershipFilters): Promise<Blob> {
    const response = await this.fetchApi.fetch(
      await this.url('#get|/export.csv', { query: filterQuery(filters) }),
    );
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return response.blob();
  }

  listTeams(
    page: OwnershipPageRequest & { q?: string } = {},
  ): Promise<Page<TeamRollup>> {
    const { limit, cursor, orderBy, order, q } = page;
    return this.request('#get|/teams', {
      query: { limit, cursor, orderBy, order, q },
    });
  }

  async getTeam(entityRef: string): Promise<TeamDetails> {
    return this.request('#get|/teams/{kind}/{namespace}/{name}', {
      path: refParams(entityRef, 'group'),
    });
  }

  async getOnCall(entityRef: string): Promise<OnCallAnswer | undefined> {
    return this.requestOrUndefined('#get|/oncall/{kind}/{namespace}/{name}', {
      path: refParams(entityRef, 'component'),
    });
  }

  getDocument(url: string): Promise<LocalDocument> {
    return this.request('#get|/documents', { query: { url } });
  }

  lookup(query: string, limit?: number): Promise<LookupResponse> {
    return this.request('#get|/lookup', { query: { q: query, limit } });
  }

  getLatestRun(): Promise<AuditRun | undefined> {
    return this.requestOrUndefined('#get|/runs/latest');
  }

  listRuns(limit?: number): Promise<RunListResponse> {
    return this.request('#get|/runs', { query: { limit } });
  }

  startRun(): Promise<AuditRun> {
    return this.request('#post|/runs');
  }

  listCampaigns(
    request: { state?: CampaignState; limit?: number; cursor?: string } = {},
  ): Promise<CampaignPage> {
    const { state, limit, cursor } = request;
    return this.request('#get|/campaigns', { query: { state, limit, cursor } });
  }

  createCampaign(
    input: CampaignInput,
    options: IdempotentRequestOptions = {},
  ): Promise<Campaign> {
    return this.request('#post|/campaigns', {
      body: input,
      headers: idempotencyHeader(options),
    });
  }

  getCampaign(id: number): Promise<CampaignDetails> {
    return this.request('#get|/campaigns/{id}', { path: { id: String(id) } });
  }

  closeCampaign(id: number): Promise<Campaign> {
    return this.request('#post|/campaigns/{id}/close', {
      path: { id: String(id) },
    });
  }

  listCampaignItems(
    id: number,
    request: CampaignItemsRequest = {},
  ): Promise<CampaignItemPage> {
    const { team, answer, pending, limit, cursor } = request;
    return this.request('#get|/campaigns/{id}/items', {
      path: { id: String(id) },
      query: {
        team,
        answer,
        pending: pending === undefined ? undefined : String(pending),
        limit,
        cursor,
      },
    });
  }

  attest(
    id: number,
    input: AttestationInput,
    options: IdempotentRequestOptions = {},
  ): Promise<Attestation> {
    return this.request('#post|/campaigns/{id}/attestations', {
      path: { id: String(id) },
      body: input,
      headers: idempotencyHeader(options),
    });
  }

  listAttestations(id: number, entityRef: string): Promise<AttestationList> {
    return this.request('#get|/campaigns/{id}/attestations', {
      path: { id: String(id) },
      query: { entity: entityRef },
    });
  }

  listPendingAttestations(
    request: {
      entity?: string;
      team?: string;
      campaign?: number;
      limit?: number;
      cursor?: string;
    } = {},
  ): Promise<PendingAttestationPage> {
    const { entity, team, campaign, limit, cursor } = request;
    return this.request('#get|/attestations/pending', {
      query: { entity, team, campaign, limit, cursor },
    });
  }

  getCampaignCsvUrl(id: number): Promise<string> {
    return this.url('#get|/campaigns/{id}/export.csv', {
      path: { id: String(id) },
    });
  }

  getCampaignEvidenceUrl(id: number): Promise<string> {
    return this.url('#get|/campaigns/{id}/evidence.json', {
      path: { id: String(id) },
    });
  }

  /**
   * The absolute URL of an operation (`#get|/teams/{kind}/{namespace}/{name}`),
   * its path parameters percent-encoded, with its query.
   */
  private async url<K extends Endpoint>(
    endpoint: K,
    options: RequestOptions<K> = {},
  ): Promise<string> {
    const baseUrl = await this.discoveryApi.getBaseUrl('ownership');
    const values: Record<string, string> = options.path ?? {};
    const path = endpoint
      .slice(endpoint.indexOf('|') + 1)
      .replace(/\{(\w+)\}/g, (_, name: string) =>
        encodeURIComponent(values[name]),
      );
    const search = queryString(options.query);
    return `${baseUrl}${path}${search ? `?${search}` : ''}`;
  }

  private async fetch<K extends Endpoint>(
    endpoint: K,
    options?: RequestOptions<K>,
  ): Promise<Response> {
    const method = endpoint.slice(1, endpoint.indexOf('|')).toUpperCase();
    const url = await this.url(endpoint, options);
    if (options?.body === undefined && options?.headers === undefined) {
      return this.fetchApi.fetch(url, { method });
    }
    const headers: Record<string, string> = { ...options.headers };
    if (options.body !== undefined) {
      headers['Content-Type'] = 'application/json';
    }
    return this.fetchApi.fetch(url, {
      method,
      headers,
      body:
        options.body === undefined ? undefined : JSON.stringify(options.body),
    });
  }

  private async request<K extends Endpoint>(
    endpoint: K,
    options?: RequestOptions<K>,
  ): Promise<ResponseOf<K>> {
    const response = await this.fetch(endpoint, options);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as ResponseOf<K>;
  }

  /** Like `request`, with `undefined` for a 404. */
  private async requestOrUndefined<K extends Endpoint>(
    endpoint: K,
    options?: RequestOptions<K>,
  ): Promise<ResponseOf<K> | undefined> {
    const response = await this.fetch(endpoint, options);
    if (response.status === 404) {
      return undefined;
    }
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as ResponseOf<K>;
  }
}
