import type {
  SearchDocumentItem,
  SearchDocumentPage,
} from '@ownership-portal/plugin-ownership-common';
import { http, HttpResponse } from 'msw';

/** Where the fake ownership API lives. */
const OWNERSHIP_BASE_URL = 'http://ownership.test/api/ownership';

/** A discovery service that finds the fake ownership API. */
export const fakeDiscovery = {
  async getBaseUrl(pluginId: string) {
    if (pluginId !== 'ownership') {
      throw new Error(`unexpected plugin ${pluginId}`);
    }
    return OWNERSHIP_BASE_URL;
  },
  async getExternalBaseUrl(pluginId: string) {
    return this.getBaseUrl(pluginId);
  },
};

/** A search document of the latest run, as the ownership API answers it. */
export function item(
  name: string,
  extra: Partial<SearchDocumentItem> = {},
): SearchDocumentItem {
  return {
    entityRef: `component:default/${name}`,
    kind: 'Component',
    namespace: 'default',
    name,
    title: name,
    owner: {
      entityRef: 'group:default/payments',
      status: 'ok' as SearchDocumentItem['owner']['status'],
      title: 'Payments Team',
    },
    onCallSchedules: [],
    runbooks: [],
    adrs: [],
    findingRuleIds: [],
    level: 1 as SearchDocumentItem['level'],
    ...extra,
  };
}

/** What the fake API was asked: the query and the Authorization header. */
export interface SeenRequest {
  limit: string | null;
  cursor: string | null;
  authorization: string | null;
}

/**
 * `GET /search-documents` over `items`, paged like the real one: `limit`
 * per page and an opaque cursor; `before` may answer a request instead
 * (a 429, a 500), by its number counted from 1.
 */
export function searchDocumentsHandler(options: {
  items: SearchDocumentItem[];
  seen?: SeenRequest[];
  before?: (request: number) => Response | undefined;
  /** Default {@link OWNERSHIP_BASE_URL}. */
  baseUrl?: string;
}) {
  let count = 0;
  const baseUrl = options.baseUrl ?? OWNERSHIP_BASE_URL;
  return http.get(`${baseUrl}/search-documents`, ({ request }) => {
    count += 1;
    const url = new URL(request.url);
    options.seen?.push({
      limit: url.searchParams.get('limit'),
      cursor: url.searchParams.get('cursor'),
      authorization: request.headers.get('authorization'),
    });
    const early = options.before?.(count);
    if (early) {
      return early;
    }
    const limit = Number(url.searchParams.get('limit') ?? 100);
    const cursor = url.searchParams.get('cursor');
    const offset = cursor ? Number(Buffer.from(cursor, 'base64url')) : 0;
    const items = options.items.slice(offset, offset + limit);
    const next = offset + items.length;
    const page: SearchDocumentPage = {
      items,
      totalItems: options.items.length,
      runId: 7,
      generatedAt: '2026-12-01T10:00:00.000Z',
      ...(next < options.items.length && {
        nextCursor: Buffer.from(String(next)).toString('base64url'),
      }),
    };
    return HttpResponse.json(page);
  });
}

/** The API's answer before the first run. */
export function noRunYet() {
  return http.get(`${OWNERSHIP_BASE_URL}/search-documents`, () =>
    HttpResponse.json(
      {
        error: {
          name: 'NotFoundError',
          message: 'No ownership audit run has completed yet',
        },
        request: { method: 'GET', url: '/api/ownership/search-documents' },
        response: { statusCode: 404 },
      },
      { status: 404 },
    ),
  );
}
