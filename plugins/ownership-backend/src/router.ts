import type { HttpAuthService } from '@backstage/backend-plugin-api';
import type { LatestRunResponse } from '@ownership-portal/plugin-ownership-common';
import express from 'express';
import Router from 'express-promise-router';
import type { RunStore } from './database/RunStore';
import type { OverviewService } from './services/OverviewService';
import type { RuleRegistry } from './services/RuleRegistry';

/** Builds the `/api/ownership` router; every route needs user or service credentials. */
export async function createRouter(deps: {
  httpAuth: HttpAuthService;
  overview: OverviewService;
  rules: RuleRegistry;
  runs: RunStore;
}): Promise<express.Router> {
  const { httpAuth, overview, rules, runs } = deps;
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

  router.get('/runs/latest', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['user', 'service'] });
    const response: LatestRunResponse = {
      run: (await runs.getLatestRun()) ?? null,
    };
    res.json(response);
  });

  return router;
}
