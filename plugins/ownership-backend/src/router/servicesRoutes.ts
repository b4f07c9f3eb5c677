import type { HttpAuthService } from '@backstage/backend-plugin-api';
import type { ServiceQueries } from '../services/query/ServiceQueries';
import { exportServicesCsv } from '../services/export/exportServicesCsv';
import { requireCredentials } from './auth';
import { refFromPath } from './params';
import { parseQuery } from './queryParams';
import type { OwnershipRouter } from './validation';

/** `/services`, `/findings` and `/export.csv`. */
export function servicesRoutes(
  router: OwnershipRouter,
  deps: {
    httpAuth: HttpAuthService;
    services: ServiceQueries;
    ruleIds: () => string[];
  },
) {
  const { httpAuth, services } = deps;

  router.get('/services', async (req, res) => {
    const credentials = await requireCredentials(httpAuth, req);
    const params = parseQuery('GET /services', req.query);
    res.json(await services.list(params, credentials));
  });

  router.get('/services/:kind/:namespace/:name', async (req, res) => {
    const credentials = await requireCredentials(httpAuth, req);
    res.json(await services.get(refFromPath(req.params), credentials));
  });

  router.get('/oncall/:kind/:namespace/:name', async (req, res) => {
    const credentials = await requireCredentials(httpAuth, req);
    res.json(await services.oncall(refFromPath(req.params), credentials));
  });

  router.get('/findings', async (req, res) => {
    const credentials = await requireCredentials(httpAuth, req);
    const params = parseQuery('GET /findings', req.query);
    res.json(await services.findings(params, credentials));
  });

  router.get('/export.csv', async (req, res) => {
    const credentials = await requireCredentials(httpAuth, req);
    const params = parseQuery('GET /export.csv', req.query);
    const lines = exportServicesCsv({
      queries: services,
      params,
      ruleIds: deps.ruleIds(),
      credentials,
    });
    // The first page decides the status: errors before it are real 4xx/5xx.
    const first = await lines.next();
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader(
      'Content-Disposition',
      'attachment; filename="ownership-audit.csv"',
    );
    res.write(`\uFEFF${first.value ?? ''}`);
    try {
      for await (const line of lines) {
        res.write(line);
      }
    } catch (error) {
      // The status and the first rows are out: ending the response would
      // hand over a truncated file that looks complete. Cutting the
      // connection makes the download fail; the error handler logs why.
      res.destroy();
      throw error;
    }
    res.end();
  });
}
