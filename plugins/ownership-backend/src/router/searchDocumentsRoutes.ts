import type { HttpAuthService } from '@backstage/backend-plugin-api';
import type { SearchDocumentQueries } from '../services/query/SearchDocumentQueries';
import { requireCredentials } from './auth';
import { parseQuery } from './queryParams';
import type { OwnershipRouter } from './validation';

/**
 * `/search-documents`: the latest run as search documents, for the search
 * collator (`@ownership-portal/plugin-search-backend-module-ownership`).
 */
export function searchDocumentsRoutes(
  router: OwnershipRouter,
  deps: {
    httpAuth: HttpAuthService;
    searchDocuments: SearchDocumentQueries;
  },
) {
  router.get('/search-documents', async (req, res) => {
    const credentials = await requireCredentials(deps.httpAuth, req);
    const { limit, cursor } = parseQuery('GET /search-documents', req.query);
    res.json(await deps.searchDocuments.list({ limit, cursor }, credentials));
  });
}
