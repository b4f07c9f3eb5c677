import type {
  AuditorService,
  BackstageCredentials,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError, NotFoundError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  ownershipRunCreatePermission,
  ownershipSummaryReadPermission,
  type RunListResponse,
} from '@ownership-portal/plugin-ownership-common';
import type { RunStore } from '../database/types';
import type { AuditRunner } from '../services/audit/AuditRunner';
import { visibleRun } from '../services/query/visibleRun';
import { requireCredentials } from './auth';
import { parseQuery } from './queryParams';
import type { OwnershipRouter } from './validation';

/** `/runs`: start a run, list runs, follow the latest one. */
export function runsRoutes(
  router: OwnershipRouter,
  deps: {
    httpAuth: HttpAuthService;
    permissions: PermissionsService;
    auditor: AuditorService;
    runner: AuditRunner;
    runs: RunStore;
  },
) {
  const { httpAuth, permissions, auditor, runner, runs } = deps;

  router.post('/runs', async (req, res) => {
    const credentials = await requireCredentials(httpAuth, req);
    const event = await auditor.createEvent({
      eventId: 'run-create',
      severityLevel: 'medium',
      request: req,
    });
    try {
      const [decision] = await permissions.authorize(
        [{ permission: ownershipRunCreatePermission }],
        { credentials },
      );
      if (decision.result !== AuthorizeResult.ALLOW) {
        throw new NotAllowedError(
          `Starting an audit run needs the permission ${ownershipRunCreatePermission.name}`,
        );
      }
      const principal = credentials.principal as { userEntityRef?: string };
      const { run, done } = await runner.start({
        trigger: 'manual',
        ...(principal.userEntityRef && {
          triggeredBy: principal.userEntityRef,
        }),
      });
      // The run goes on after the answer; its outcome is recorded in the
      // run's row and logged by the runner, and nothing may escape here.
      done.catch(() => undefined);
      await event.success({ meta: { runId: run.id } });
      res.status(202).location(`runs/${run.id}`).json(run);
    } catch (error) {
      // A run in progress is a ConflictError: the error handler answers 409
      // with the standard body; GET /runs/latest shows the running run.
      await event.fail({ error: error as Error });
      throw error;
    }
  });

  /** Whether the caller may see organisation-wide counts (`ownership.summary.read`). */
  const mayCount = async (credentials: BackstageCredentials) => {
    const [decision] = await permissions.authorize(
      [{ permission: ownershipSummaryReadPermission }],
      { credentials },
    );
    return decision.result === AuthorizeResult.ALLOW;
  };

  router.get('/runs', async (req, res) => {
    const credentials = await requireCredentials(httpAuth, req);
    const { limit } = parseQuery('GET /runs', req.query);
    const [items, counts] = await Promise.all([
      runs.listRuns(limit),
      mayCount(credentials),
    ]);
    const response: RunListResponse = {
      items: items.map(run => visibleRun(run, counts)),
    };
    res.json(response);
  });

  router.get('/runs/latest', async (req, res) => {
    const credentials = await requireCredentials(httpAuth, req);
    const run = await runs.getLatestRun();
    if (!run) {
      throw new NotFoundError('No ownership audit run has been started yet');
    }
    res.json(visibleRun(run, await mayCount(credentials)));
  });

  router.get('/runs/:id', async (req, res) => {
    const credentials = await requireCredentials(httpAuth, req);
    const id = Number(req.params.id);
    const run = Number.isSafeInteger(id) ? await runs.getRun(id) : undefined;
    if (!run) {
      throw new NotFoundError(
        `No audit run with id "${req.params.id}" is stored`,
      );
    }
    res.json(visibleRun(run, await mayCount(credentials)));
  });
}
