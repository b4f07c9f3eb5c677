import type { HttpAuthService } from '@backstage/backend-plugin-api';
import type { DocumentQueries } from '../services/query/DocumentQueries';
import { requireCredentials } from './auth';
import { parseQuery } from './queryParams';
import type { OwnershipRouter } from './validation';

/**
 * `/documents`: local runbooks, decision records and debt registers, for
 * reading in the portal, as {@link DocumentQueries} allows them.
 */
export function documentsRoutes(
  router: OwnershipRouter,
  deps: {
    httpAuth: HttpAuthService;
    documents: DocumentQueries;
  },
) {
  router.get('/documents', async (req, res) => {
    const credentials = await requireCredentials(deps.httpAuth, req);
    const { url } = parseQuery('GET /documents', req.query);
    res.json(await deps.documents.read(url, credentials));
  });
}
