import type {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  type LookupMatch,
  ownershipSummaryReadPermission,
  type RuleListResponse,
} from '@ownership-portal/plugin-ownership-common';
import Router from 'express-promise-router';
import type { RunStore } from '../database/types';
import type { OnCallService } from '../oncall/OnCallService';
import type { LookupService } from '../services/lookup/LookupService';
import type { RuleEngine } from '../services/audit/RuleEngine';
import type { OverviewService } from '../services/OverviewService';
import type { CatalogVisibility } from '../services/query/CatalogVisibility';
import type { Selection } from '../services/query/Selection';
import { readSummary } from '../services/query/SummaryQueries';
import { visibleOnCall } from '../services/query/visibleOnCall';
import { readableOwners, visibleOwner } from '../services/query/visibleOwner';
import { requireCredentials } from './auth';
import { parseQuery } from './params';
import { querySchemas } from './queries';

/** `/lookup`, `/summary`, `/rules` and `/overview`. */
export function infoRoutes(deps: {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  lookup: LookupService;
  visibility: CatalogVisibility;
  engine: RuleEngine;
  runs: RunStore;
  selection: Selection;
  overview: OverviewService;
  oncall: OnCallService;
}) {
  const { httpAuth, lookup, visibility, engine } = deps;
  const router = Router();

  router.get('/lookup', async (req, res) => {
    const credentials = await requireCredentials(httpAuth, req);
    const { q, limit } = parseQuery(querySchemas['GET /lookup'], req.query);
    // Ask for spare matches so hidden entities do not shorten the answer.
    const response = await lookup.search(q, limit * 2);
    const readable = await visibility.filter(response.items, credentials);
    const canRead = await readableOwners(
      readable.map(item => item.owner),
      visibility,
      credentials,
    );
    const visible = readable
      .filter(item => !matchedOnHiddenOwner(item, q, canRead))
      .slice(0, limit);
    const items = await Promise.all(
      visible.map(async match => {
        const ownerReadable = canRead(match.owner);
        const { topRunbook, ...rest } = match;
        // A team-link runbook is a link of the owning Group.
        const item = {
          ...rest,
          owner: visibleOwner(match.owner, canRead),
          ...(topRunbook &&
            (ownerReadable || topRunbook.source !== 'team-link') && {
              topRunbook,
            }),
        };
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

  return router;
}

/**
 * Whether a match came only from the title of an owning Group the caller may
 * not read; answering it would spell out that title. A match on the owner's
 * name, which the service's own `spec.owner` gives, stays.
 */
function matchedOnHiddenOwner(
  item: LookupMatch,
  q: string,
  canRead: (owner: LookupMatch['owner']) => boolean,
): boolean {
  if (canRead(item.owner) || item.matchedOn.some(field => field !== 'owner')) {
    return false;
  }
  const ref = item.owner.entityRef ?? item.owner.raw ?? '';
  const name = ref.slice(ref.lastIndexOf('/') + 1);
  const words = q.toLocaleLowerCase('en-US').split(/\s+/).filter(Boolean);
  return !words.every(word => name.toLocaleLowerCase('en-US').includes(word));
}
