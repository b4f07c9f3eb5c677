import type { HttpAuthService } from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import type { LocalDocument } from '@ownership-portal/plugin-ownership-common';
import Router from 'express-promise-router';
import { parseFrontMatter } from '../docs/frontMatter';
import type { DocumentReader } from '../docs/types';
import { requireCredentials } from './auth';
import { parseQuery } from './params';
import { querySchemas } from './queries';

/**
 * `/documents`: local runbooks and decision records, for reading in the
 * portal. The reader only opens files inside `ownership.docs.localRoots`,
 * and refuses binary and oversized ones.
 */
export function documentsRoutes(deps: {
  httpAuth: HttpAuthService;
  documents: Pick<DocumentReader, 'readFile'>;
}) {
  const router = Router();

  router.get('/documents', async (req, res) => {
    await requireCredentials(deps.httpAuth, req);
    const { url } = parseQuery(querySchemas['GET /documents'], req.query);
    const result = await deps.documents.readFile(url);
    if (result.status !== 'ok') {
      throw new NotFoundError(`Cannot show ${url}: ${result.reason}`);
    }
    const response: LocalDocument = {
      url: result.url,
      markdown: parseFrontMatter(result.text).body,
      ...(result.lastModified && {
        lastModified: result.lastModified.toISOString(),
      }),
    };
    res.json(response);
  });

  return router;
}
