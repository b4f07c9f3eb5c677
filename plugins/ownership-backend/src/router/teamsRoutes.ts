import type { HttpAuthService } from '@backstage/backend-plugin-api';
import Router from 'express-promise-router';
import type { TeamQueries } from '../services/query/TeamQueries';
import { requireCredentials } from './auth';
import { parseQuery, refFromPath } from './params';
import { querySchemas } from './queries';

/** `/teams`. */
export function teamsRoutes(deps: {
  httpAuth: HttpAuthService;
  teams: TeamQueries;
}) {
  const { httpAuth, teams } = deps;
  const router = Router();

  router.get('/teams', async (req, res) => {
    const credentials = await requireCredentials(httpAuth, req);
    res.json(
      await teams.list(
        parseQuery(querySchemas['GET /teams'], req.query),
        credentials,
      ),
    );
  });

  router.get('/teams/:kind/:namespace/:name', async (req, res) => {
    const credentials = await requireCredentials(httpAuth, req);
    res.json(await teams.get(refFromPath(req.params), credentials));
  });

  return router;
}
