import type { HttpAuthService } from '@backstage/backend-plugin-api';
import Router from 'express-promise-router';
import type { DocumentQueries } from '../services/query/DocumentQueries';
import { requireCredentials } from './auth';
import { parseQuery } from './params';
import { querySchemas } from './queries';

/**
 * `/documents`: local runbooks, decision records and debt registers, for
 * reading in the portal, as {@link DocumentQueries} allows them.
 */
export function documentsRoutes(deps: {
  httpAuth: HttpAuthService;
  documents: DocumentQueries;
}) {
  const router = Router();

  router.get('/documents', async (req, res) => {
    const credentials = await requireCredentials(deps.httpAuth, req);
    const { url } = parseQuery(querySchemas['GET /documents'], req.query);
    res.json(await deps.documents.read(url, credentials));
  });

  return router;
}
