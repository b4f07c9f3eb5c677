import type { HttpAuthService } from '@backstage/backend-plugin-api';
import express from 'express';
import Router from 'express-promise-router';
import type { OverviewService } from './services/OverviewService';
import type { RuleRegistry } from './services/RuleRegistry';

/** Builds the `/api/ownership` router; every route needs user or service credentials. */
export async function createRouter(deps: {
  httpAuth: HttpAuthService;
  overview: OverviewService;
  rules: RuleRegistry;
}): Promise<express.Router> {
  const { httpAuth, overview, rules } = deps;
  const router = Router();
  router.use(express.json());

  router.get('/overview', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    res.json(await overview.getOverview(credentials));
  });

  router.get('/rules', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['user', 'service'] });
    res.json({ items: rules.describe() });
  });

  return router;
}
