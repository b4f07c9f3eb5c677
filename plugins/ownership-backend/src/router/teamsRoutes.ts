import type { HttpAuthService } from '@backstage/backend-plugin-api';
import Router from 'express-promise-router';
import { z } from 'zod';
import type { TeamQueries } from '../services/query/TeamQueries';
import { requireCredentials } from './auth';
import { orderSchema, pageSchema, parseQuery, refFromPath } from './params';

const TEAM_ORDER = [
  'entityRef',
  'title',
  'serviceCount',
  'score',
  'errors',
  'findings',
] as const;

/** `/teams`. */
export function teamsRoutes(deps: {
  httpAuth: HttpAuthService;
  teams: TeamQueries;
}) {
  const { httpAuth, teams } = deps;
  const router = Router();
  const listSchema = pageSchema()
    .extend(orderSchema(TEAM_ORDER).shape)
    .extend({ q: z.string().trim().optional() });

  router.get('/teams', async (req, res) => {
    await requireCredentials(httpAuth, req);
    res.json(await teams.list(parseQuery(listSchema, req.query)));
  });

  router.get('/teams/:kind/:namespace/:name', async (req, res) => {
    const credentials = await requireCredentials(httpAuth, req);
    res.json(await teams.get(refFromPath(req.params), credentials));
  });

  return router;
}
