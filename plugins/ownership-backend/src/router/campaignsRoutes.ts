import type {
  AuditorService,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { ownershipCampaignManagePermission } from '@ownership-portal/plugin-ownership-common';
import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { JsonObject } from '@backstage/types';
import type { Request } from 'express';
import {
  actorOf,
  type CampaignService,
} from '../services/campaigns/CampaignService';
import { decodeKeyset, encodeKeyset } from '../services/campaigns/keysetCursor';
import { requireCredentials } from './auth';
import { parseQuery } from './queryParams';
import type { OwnershipRouter } from './validation';

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null;

const isCampaignPosition = (v: unknown): v is { opensAt: string; id: number } =>
  isObject(v) && typeof v.opensAt === 'string' && Number.isSafeInteger(v.id);

const isRef = (v: unknown): v is string => typeof v === 'string';

const isPendingPosition = (
  v: unknown,
): v is { dueAt: string; campaignId: number; entityRef: string } =>
  isObject(v) &&
  typeof v.dueAt === 'string' &&
  Number.isSafeInteger(v.campaignId) &&
  typeof v.entityRef === 'string';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyRequest = Request<any, any, any, any>;

function idempotencyKey(req: AnyRequest): string | undefined {
  const key = req.header('idempotency-key')?.trim();
  return key || undefined;
}

/**
 * `/campaigns` and `/attestations/pending`: audit campaigns, answers,
 * progress and evidence. Writes are recorded with the auditor service.
 */
export function campaignsRoutes(
  router: OwnershipRouter,
  deps: {
    httpAuth: HttpAuthService;
    permissions: PermissionsService;
    auditor: AuditorService;
    campaigns: CampaignService;
  },
) {
  const { httpAuth, permissions, auditor, campaigns } = deps;

  const requireManage = async (
    credentials: BackstageCredentials,
    what: string,
  ) => {
    const [decision] = await permissions.authorize(
      [{ permission: ownershipCampaignManagePermission }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        `${what} needs the permission ${ownershipCampaignManagePermission.name}`,
      );
    }
  };

  /** Runs a write as an audited event: success with `meta`, or failure. */
  const audited = async <T>(
    req: AnyRequest,
    eventId: string,
    meta: JsonObject,
    write: () => Promise<T>,
  ): Promise<T> => {
    const event = await auditor.createEvent({
      eventId,
      severityLevel: 'medium',
      request: req,
      meta,
    });
    try {
      const result = await write();
      await event.success({ meta });
      return result;
    } catch (error) {
      await event.fail({ error: error as Error, meta });
      throw error;
    }
  };

  router.get('/campaigns', async (req, res) => {
    const credentials = await requireCredentials(httpAuth, req);
    const { state, limit, cursor } = parseQuery('GET /campaigns', req.query);
    const selection = { state: state ?? null };
    const after = cursor
      ? decodeKeyset(cursor, selection, isCampaignPosition)
      : undefined;
    const items = await campaigns.listCampaigns(
      { ...(state && { state }), limit, ...(after && { after }) },
      credentials,
    );
    const last = items[items.length - 1];
    res.json({
      items,
      ...(items.length === limit &&
        last && {
          nextCursor: encodeKeyset(
            { opensAt: last.opensAt, id: last.id },
            selection,
          ),
        }),
    });
  });

  router.post('/campaigns', async (req, res) => {
    const credentials = await requireCredentials(httpAuth, req);
    const { campaign, created } = await audited(
      req,
      'campaign-create',
      { title: req.body.title },
      async () => {
        await requireManage(credentials, 'Creating a campaign');
        return campaigns.createCampaign(
          req.body,
          credentials,
          idempotencyKey(req),
        );
      },
    );
    res
      .status(created ? 201 : 200)
      .location(`campaigns/${campaign.id}`)
      .json(campaign);
  });

  router.get('/campaigns/:id', async (req, res) => {
    const credentials = await requireCredentials(httpAuth, req);
    res.json(await campaigns.getCampaign(Number(req.params.id), credentials));
  });

  router.patch('/campaigns/:id', async (req, res) => {
    const credentials = await requireCredentials(httpAuth, req);
    const id = Number(req.params.id);
    const campaign = await audited(
      req,
      'campaign-update',
      { campaignId: id },
      async () => {
        await requireManage(credentials, 'Editing a campaign');
        return campaigns.updateCampaign(id, req.body, credentials);
      },
    );
    res.json(campaign);
  });

  router.post('/campaigns/:id/close', async (req, res) => {
    const credentials = await requireCredentials(httpAuth, req);
    const id = Number(req.params.id);
    const closed = await audited(
      req,
      'campaign-close',
      { campaignId: id },
      async () => {
        await requireManage(credentials, 'Closing a campaign');
        return campaigns.close(id, actorOf(credentials));
      },
    );
    res.json(await campaigns.view(closed, credentials));
  });

  router.get('/campaigns/:id/items', async (req, res) => {
    const credentials = await requireCredentials(httpAuth, req);
    const id = Number(req.params.id);
    const { team, answer, pending, limit, cursor } = parseQuery(
      'GET /campaigns/{id}/items',
      req.query,
    );
    const selection = { id, team, answer, pending };
    const after = cursor ? decodeKeyset(cursor, selection, isRef) : undefined;
    const page = await campaigns.listItems(
      id,
      {
        ...(team && { team }),
        ...(answer && { answer }),
        ...(pending !== undefined && { pending }),
      },
      { limit, ...(after !== undefined && { after }) },
      credentials,
    );
    res.json({
      items: page.items,
      ...(page.last !== undefined && {
        nextCursor: encodeKeyset(page.last, selection),
      }),
    });
  });

  router.post('/campaigns/:id/attestations', async (req, res) => {
    const credentials = await requireCredentials(httpAuth, req);
    const id = Number(req.params.id);
    const { attestation, created } = await audited(
      req,
      'campaign-attest',
      {
        campaignId: id,
        entityRef: req.body.entityRef,
        answer: req.body.answer,
      },
      () => campaigns.attest(id, req.body, credentials, idempotencyKey(req)),
    );
    res.status(created ? 201 : 200).json(attestation);
  });

  router.get('/campaigns/:id/attestations', async (req, res) => {
    const credentials = await requireCredentials(httpAuth, req);
    const { entity } = parseQuery(
      'GET /campaigns/{id}/attestations',
      req.query,
    );
    res.json({
      items: await campaigns.history(
        Number(req.params.id),
        entity,
        credentials,
      ),
    });
  });

  router.get('/campaigns/:id/export.csv', async (req, res) => {
    const credentials = await requireCredentials(httpAuth, req);
    const id = Number(req.params.id);
    const csv = await campaigns.evidenceCsv(id, credentials);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader(
      'Content-Disposition',
      `attachment; filename="ownership-campaign-${id}.csv"`,
    );
    res.send(`\uFEFF${csv}`);
  });

  router.get('/campaigns/:id/evidence.json', async (req, res) => {
    const credentials = await requireCredentials(httpAuth, req);
    res.json(await campaigns.evidence(Number(req.params.id), credentials));
  });

  router.get('/campaigns/:id/evidence/verify', async (req, res) => {
    await requireCredentials(httpAuth, req);
    res.json(await campaigns.verify(Number(req.params.id)));
  });

  router.get('/attestations/pending', async (req, res) => {
    const credentials = await requireCredentials(httpAuth, req);
    const { entity, team, campaign, limit, cursor } = parseQuery(
      'GET /attestations/pending',
      req.query,
    );
    const selection = {
      entity: entity ?? null,
      team: team ?? null,
      campaign: campaign ?? null,
    };
    const after = cursor
      ? decodeKeyset(cursor, selection, isPendingPosition)
      : undefined;
    const page = await campaigns.pending(
      {
        ...(entity && { entity }),
        ...(team && { team }),
        ...(campaign !== undefined && { campaign }),
        limit,
        ...(after && { after }),
      },
      credentials,
    );
    res.json({
      items: page.items,
      ...(page.last && {
        nextCursor: encodeKeyset(
          {
            dueAt: page.last.campaign.dueAt,
            campaignId: page.last.campaign.id,
            entityRef: page.last.item.entityRef,
          },
          selection,
        ),
      }),
    });
  });
}
