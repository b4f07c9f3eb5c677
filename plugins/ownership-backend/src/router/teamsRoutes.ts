import type { HttpAuthService } from '@backstage/backend-plugin-api';
import type { TeamQueries } from '../services/query/TeamQueries';
import { requireCredentials } from './auth';
import { refFromPath } from './params';
import { parseQuery } from './queryParams';
import type { OwnershipRouter } from './validation';

/** `/teams`. */
export function teamsRoutes(
  router: OwnershipRouter,
  deps: {
    httpAuth: HttpAuthService;
    teams: TeamQueries;
  },
) {
  const { httpAuth, teams } = deps;

  router.get('/teams', async (req, res) => {
    const credentials = await requireCredentials(httpAuth, req);
    res.json(
      await teams.list(parseQuery('GET /teams', req.query), credentials),
    );
  });

  router.get('/teams/:kind/:namespace/:name', async (req, res) => {
    const credentials = await requireCredentials(httpAuth, req);
    res.json(await teams.get(refFromPath(req.params), credentials));
  });
}
