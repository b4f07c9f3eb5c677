import type {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  ownershipSummaryReadPermission,
  type RuleListResponse,
} from '@ownership-portal/plugin-ownership-common';
import type { RunStore } from '../database/types';
import type { OnCallService } from '../oncall/OnCallService';
import type { LookupService } from '../services/lookup/LookupService';
import type { RuleEngine } from '@ownership-portal/plugin-ownership-rules';
import type { OverviewService } from '../services/OverviewService';
import type { CatalogVisibility } from '../services/query/CatalogVisibility';
import type { Selection } from '../services/query/Selection';
import { readSummary } from '../services/query/SummaryQueries';
import { visibleOnCall } from '../services/query/visibleOnCall';
import { visibleMatches } from '../services/query/visibleMatches';
import { requireCredentials } from './auth';
import { parseQuery } from './queryParams';
import type { OwnershipRouter } from './validation';

/** `/lookup`, `/summary`, `/rules` and `/overview`. */
export function infoRoutes(
  router: OwnershipRouter,
  deps: {
    httpAuth: HttpAuthService;
    permissions: PermissionsService;
    lookup: LookupService;
    visibility: CatalogVisibility;
    engine: RuleEngine;
    runs: RunStore;
    selection: Selection;
    overview: OverviewService;
    oncall: OnCallService;
  },
) {
  const { httpAuth, lookup, visibility, engine } = deps;

  router.get('/lookup', async (req, res) => {
    const credentials = await requireCredentials(httpAuth, req);
    const { q, limit } = parseQuery('GET /lookup', req.query);
    // Ask for spare matches so hidden entities do not shorten the answer.
    const response = await lookup.search(q, limit * 2);
    const visible = (
      await visibleMatches(response.items, q, visibility, credentials)
    ).slice(0, limit);
    const items = await Promise.all(
      visible.map(async item => {
        const record = lookup.oncallOf(item.entityRef);
        const oncall =
          record && (await deps.oncall.current(record.subject, record.stored));
        return oncall
          ? {
              ...item,
              oncall: await visibleOnCall(
                oncall,
                record.subject,
                visibility,
                credentials,
              ),
            }
          : item;
      }),
    );
    res.json({ ...response, items });
  });

  // Organisation-wide figures count every audited entity, readable or not,
  // so they need a permission of their own.
  router.get('/summary', async (req, res) => {
    const credentials = await requireCredentials(httpAuth, req);
    const [decision] = await deps.permissions.authorize(
      [{ permission: ownershipSummaryReadPermission }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        `Organisation-wide audit figures need the permission ${ownershipSummaryReadPermission.name}`,
      );
    }
    res.json(await readSummary(deps));
  });

  router.get('/rules', async (req, res) => {
    await requireCredentials(httpAuth, req);
    const response: RuleListResponse = { items: engine.describe() };
    res.json(response);
  });

  router.get('/overview', async (req, res) => {
    const credentials = await requireCredentials(httpAuth, req);
    res.json(await deps.overview.getOverview(credentials));
  });
}
