import type { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import type {
  OwnershipOverview,
  RuleListResponse,
} from '@ownership-portal/plugin-ownership-common';
import type { OwnershipApi } from './OwnershipApi';

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

  private async request<T>(path: string): Promise<T> {
    const baseUrl = await this.discoveryApi.getBaseUrl('ownership');
    const response = await this.fetchApi.fetch(`${baseUrl}${path}`);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}
