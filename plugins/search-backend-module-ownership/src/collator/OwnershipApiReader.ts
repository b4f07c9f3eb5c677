import type {
  AuthService,
  DiscoveryService,
} from '@backstage/backend-plugin-api';
import { ResponseError } from '@backstage/errors';
import type {
  SearchDocumentItem,
  SearchDocumentPage,
} from '@ownership-portal/plugin-ownership-common';
import { fetchWithRetries, type RetryOptions } from './fetchWithRetries';

/** The ownership plugin's id, as discovery and service tokens name it. */
const OWNERSHIP_PLUGIN_ID = 'ownership';

/**
 * Reads `GET /search-documents` of the ownership plugin page by page, with
 * the search plugin's own service credentials, so that the ownership
 * plugin's visibility rules see a service caller.
 */
export class OwnershipApiReader {
  constructor(
    private readonly deps: {
      auth: AuthService;
      discovery: DiscoveryService;
      pageSize: number;
      retry: RetryOptions;
    },
  ) {}

  /**
   * Every search document of the latest run, one page at a time. Yields
   * nothing when no run has completed yet (the API's 404); any other failed
   * page, once the retries are spent, rejects with the status and the
   * API's message.
   */
  async *pages(): AsyncGenerator<SearchDocumentItem[]> {
    const baseUrl = await this.deps.discovery.getBaseUrl(OWNERSHIP_PLUGIN_ID);
    let cursor: string | undefined;
    let first = true;
    do {
      const query = new URLSearchParams({ limit: String(this.deps.pageSize) });
      if (cursor) {
        query.set('cursor', cursor);
      }
      // A fresh token per page: a long index build outlives a short token.
      const { token } = await this.deps.auth.getPluginRequestToken({
        onBehalfOf: await this.deps.auth.getOwnServiceCredentials(),
        targetPluginId: OWNERSHIP_PLUGIN_ID,
      });
      const response = await fetchWithRetries(
        `${baseUrl}/search-documents?${query}`,
        { headers: { Authorization: `Bearer ${token}` } },
        this.deps.retry,
      );
      if (first && response.status === 404) {
        await response.arrayBuffer().catch(() => undefined);
        return;
      }
      if (!response.ok) {
        throw await ResponseError.fromResponse(response);
      }
      const page = (await response.json()) as SearchDocumentPage;
      yield page.items;
      cursor = page.nextCursor;
      first = false;
    } while (cursor);
  }
}
