import {
  parseEntityRef,
  type CompoundEntityRef,
} from '@backstage/catalog-model';
import type { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { InputError, ResponseError } from '@backstage/errors';
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
  SummaryResponse,
  TeamDetails,
  TeamRollup,
} from '@ownership-portal/plugin-ownership-common';
import type {
  OwnershipApi,
  OwnershipFilters,
  OwnershipPageRequest,
} from './OwnershipApi';

/** Query parameters; arrays become repeated parameters. */
type QueryParams = Record<
  string,
  string | number | readonly string[] | undefined
>;

interface RequestOptions {
  method?: 'GET' | 'POST';
  query?: QueryParams;
  /** Resolve a 404 to `undefined` rather than rejecting. */
  undefinedOnNotFound?: boolean;
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
function filterQuery(filters: OwnershipFilters = {}): QueryParams {
  const { team, ruleId, severity, lifecycle, kind, q } = filters;
  return { team, ruleId, severity, lifecycle, kind, q };
}

/**
 * `kind/namespace/name` of an entity ref, each part percent-encoded; a ref
 * without a kind gets `defaultKind`, one without a namespace `default`.
 */
function refPath(entityRef: string, defaultKind: string): string {
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
  return [ref.kind, ref.namespace, ref.name].map(encodeURIComponent).join('/');
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
    return this.request<OwnershipOverview>('/overview');
  }

  listRules(): Promise<RuleListResponse> {
    return this.request<RuleListResponse>('/rules');
  }

  getSummary(): Promise<SummaryResponse> {
    return this.request<SummaryResponse>('/summary');
  }

  listServices(
    filters?: OwnershipFilters,
    page: OwnershipPageRequest = {},
  ): Promise<Page<ServiceSummary>> {
    const { limit, cursor, orderBy, order } = page;
    return this.request<Page<ServiceSummary>>('/services', {
      query: { ...filterQuery(filters), limit, cursor, orderBy, order },
    });
  }

  async getService(entityRef: string): Promise<ServiceDetails> {
    return this.request<ServiceDetails>(
      `/services/${refPath(entityRef, 'component')}`,
    );
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
    return this.request<Page<FindingRecord>>('/findings', {
      query: { ...filterQuery(filters), limit, cursor },
    });
  }

  getExportUrl(filters?: OwnershipFilters): Promise<string> {
    return this.url('/export.csv', filterQuery(filters));
  }

  async exportCsv(filters?: OwnershipFilters): Promise<Blob> {
    const response = await this.fetchApi.fetch(
      await this.url('/export.csv', filterQuery(filters)),
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
    return this.request<Page<TeamRollup>>('/teams', {
      query: { limit, cursor, orderBy, order, q },
    });
  }

  async getTeam(entityRef: string): Promise<TeamDetails> {
    return this.request<TeamDetails>(`/teams/${refPath(entityRef, 'group')}`);
  }

  async getOnCall(entityRef: string): Promise<OnCallAnswer | undefined> {
    return this.request<OnCallAnswer | undefined>(
      `/oncall/${refPath(entityRef, 'component')}`,
      { undefinedOnNotFound: true },
    );
  }

  getDocument(url: string): Promise<LocalDocument> {
    return this.request<LocalDocument>('/documents', { query: { url } });
  }

  lookup(query: string, limit?: number): Promise<LookupResponse> {
    return this.request<LookupResponse>('/lookup', {
      query: { q: query, limit },
    });
  }

  getLatestRun(): Promise<AuditRun | undefined> {
    return this.request<AuditRun | undefined>('/runs/latest', {
      undefinedOnNotFound: true,
    });
  }

  listRuns(limit?: number): Promise<RunListResponse> {
    return this.request<RunListResponse>('/runs', { query: { limit } });
  }

  startRun(): Promise<AuditRun> {
    return this.request<AuditRun>('/runs', { method: 'POST' });
  }

  /** The absolute URL of a backend path with its query. */
  private async url(path: string, query?: QueryParams): Promise<string> {
    const baseUrl = await this.discoveryApi.getBaseUrl('ownership');
    const search = queryString(query);
    return `${baseUrl}${path}${search ? `?${search}` : ''}`;
  }

  private async request<T>(
    path: string,
    options: RequestOptions = {},
  ): Promise<T> {
    const { method = 'GET', query, undefinedOnNotFound } = options;
    const response = await this.fetchApi.fetch(await this.url(path, query), {
      method,
    });
    if (response.status === 404 && undefinedOnNotFound) {
      return undefined as T;
    }
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}
