import { mockCredentials } from '@backstage/backend-test-utils';
import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import { notificationService } from '@backstage/plugin-notifications-node';
import request from 'supertest';
import { startOwnershipBackend } from '../__testUtils__/backend';
import { entity, group, user } from '../__testUtils__/entities';
import {
  catalogHiding,
  OUTSIDER,
  permissionsRefusingOutsider,
} from '../__testUtils__/visibility';

jest.setTimeout(60_000);

const component = (name: string, owner: string, lifecycle = 'production') =>
  entity('Component', name, { type: 'service', lifecycle, owner });

const ENTITIES: Entity[] = [
  group('payments', { children: ['payments-oncall'] }),
  group('payments-oncall', { parent: 'payments' }),
  group('search'),
  group('secret-ops'),
  user('ana', ['payments-oncall']),
  user('sam', ['search']),
  user('outsider', ['search']),
  component('payments-api', 'payments'),
  component('payments-gateway', 'payments'),
  component('ledger', 'payments', 'experimental'),
  component('search-api', 'search'),
  component('zephyr-vault', 'secret-ops'),
];
const HIDDEN = ['component:default/zephyr-vault', 'group:default/secret-ops'];

const ANA = mockCredentials.user.header('user:default/ana');
const SAM = mockCredentials.user.header('user:default/sam');
const OUT = mockCredentials.user.header(OUTSIDER);

/** Users' teams as a sign-in resolver would give them: the user and their direct groups. */
const userInfo = createServiceFactory({
  service: coreServices.userInfo,
  deps: {},
  factory: () => ({
    async getUserInfo(credentials) {
      const ref = (credentials.principal as { userEntityRef: string })
        .userEntityRef;
      const groups: Record<string, string[]> = {
        'user:default/ana': ['group:default/payments-oncall'],
        'user:default/sam': ['group:default/search'],
        [OUTSIDER]: ['group:default/search'],
      };
      return {
        userEntityRef: ref,
        ownershipEntityRefs: [ref, ...(groups[ref] ?? [])],
      };
    },
  }),
});

const sent: unknown[] = [];
const notifications = createServiceFactory({
  service: notificationService,
  deps: {},
  factory: () => ({
    async send(options: unknown) {
      sent.push(options);
    },
  }),
});

async function start() {
  const backend = await startOwnershipBackend({
    catalog: catalogHiding(ENTITIES, HIDDEN),
    features: [
      userInfo,
      notifications,
      permissionsRefusingOutsider([
        'ownership.campaign.manage',
        'ownership.attestation.create',
        'ownership.summary.read',
      ]),
    ],
  });
  await backend.audit();
  return backend.server;
}

const body = {
  title: 'Q1 2027 ownership review',
  instructions: 'Confirm what your team owns.',
  scope: { include: { kinds: ['Component'], lifecycles: ['production'] } },
  opensAt: '2026-01-01T00:00:00.000Z',
  dueAt: '2099-01-01T00:00:00.000Z',
};

describe('campaigns API', () => {
  it('opens a campaign over the scope and answers, with history and progress', async () => {
    const server = await start();
    const created = await request(server)
      .post('/api/ownership/campaigns')
      .set('Idempotency-Key', 'create-1')
      .send(body);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      state: 'open',
      createdBy: 'user:default/mock',
      progress: { total: 4, pending: 4 },
    });
    const id = created.body.id;
    const replay = await request(server)
      .post('/api/ownership/campaigns')
      .set('Idempotency-Key', 'create-1')
      .send(body);
    expect(replay.status).toBe(200);
    expect(replay.body.id).toBe(id);

    // Ana is in payments-oncall, a sub-group of payments: she answers for payments.
    const pending = await request(server)
      .get('/api/ownership/attestations/pending')
      .set('Authorization', ANA);
    expect(pending.status).toBe(200);
    expect(pending.body.items.map((p: any) => p.item.entityRef)).toEqual([
      'component:default/payments-api',
      'component:default/payments-gateway',
    ]);

    const searchTeam = await request(server)
      .get(`/api/ownership/attestations/pending?team=search&campaign=${id}`)
      .set('Authorization', ANA);
    expect(searchTeam.body.items.map((p: any) => p.item.entityRef)).toEqual([
      'component:default/search-api',
    ]);
    const otherCampaign = await request(server)
      .get(`/api/ownership/attestations/pending?campaign=${id + 1}`)
      .set('Authorization', ANA);
    expect(otherCampaign.body.items).toEqual([]);

    const confirm = await request(server)
      .post(`/api/ownership/campaigns/${id}/attestations`)
      .set('Authorization', ANA)
      .set('Idempotency-Key', 'a1')
      .send({ entityRef: 'component:default/payments-api', answer: 'confirm' });
    expect(confirm.status).toBe(201);
    expect(confirm.body).toMatchObject({
      answer: 'confirm',
      by: 'user:default/ana',
      team: 'group:default/payments',
    });
    const again = await request(server)
      .post(`/api/ownership/campaigns/${id}/attestations`)
      .set('Authorization', ANA)
      .set('Idempotency-Key', 'a1')
      .send({ entityRef: 'component:default/payments-api', answer: 'confirm' });
    expect(again.status).toBe(200);
    expect(again.body).toEqual(confirm.body);

    const transfer = await request(server)
      .post(`/api/ownership/campaigns/${id}/attestations`)
      .set('Authorization', ANA)
      .send({
        entityRef: 'component:default/payments-api',
        answer: 'transfer',
        transferTo: 'search',
        comment: 'Search took it over in 2026',
      });
    expect(transfer.status).toBe(201);
    expect(transfer.body.transferTo).toBe('group:default/search');

    const history = await request(server).get(
      `/api/ownership/campaigns/${id}/attestations?entity=component:default/payments-api`,
    );
    expect(history.body.items.map((a: any) => a.answer)).toEqual([
      'confirm',
      'transfer',
    ]);

    const details = await request(server).get(`/api/ownership/campaigns/${id}`);
    expect(details.status).toBe(200);
    expect(details.body.progress).toMatchObject({
      total: 4,
      answered: 1,
      transferred: 1,
      pending: 3,
    });
    expect(
      details.body.teams.find((t: any) => t.team === 'group:default/payments'),
    ).toMatchObject({ total: 2, answered: 1, pending: 1, overdue: false });

    const items = await request(server).get(
      `/api/ownership/campaigns/${id}/items?answer=transfer`,
    );
    expect(items.body.items).toEqual([
      expect.objectContaining({
        entityRef: 'component:default/payments-api',
        answers: 2,
        current: expect.objectContaining({ answer: 'transfer' }),
      }),
    ]);
    const firstPage = await request(server).get(
      `/api/ownership/campaigns/${id}/items?pending=true&limit=2`,
    );
    expect(firstPage.body.items).toHaveLength(2);
    const secondPage = await request(server).get(
      `/api/ownership/campaigns/${id}/items?pending=true&limit=2&cursor=${firstPage.body.nextCursor}`,
    );
    expect(secondPage.body.items).toHaveLength(1);
    expect(secondPage.body.nextCursor).toBeUndefined();

    // The next audit run reports the dispute on the transferred service.
    await (
      await startAuditOn(server)
    )();
    const service = await request(server).get(
      '/api/ownership/services/component/default/payments-api',
    );
    const disputed = service.body.findings.find(
      (f: any) => f.ruleId === 'owner.disputed',
    );
    expect(disputed.message).toContain('Q1 2027 ownership review');
    expect(disputed.message).toContain('group:default/search');
    expect(disputed.remediation).toContain('spec.owner: search');
  });

  it('answers 400 naming the field, and stores nothing', async () => {
    const server = await start();
    const bad = async (payload: object) =>
      request(server).post('/api/ownership/campaigns').send(payload);
    const early = await bad({ ...body, dueAt: '2025-01-01T00:00:00.000Z' });
    expect(early.status).toBe(400);
    expect(early.body.error.message).toMatch(/dueAt/);
    const unknownKey = await bad({
      ...body,
      scope: { include: { colour: ['blue'] } },
    });
    expect(unknownKey.status).toBe(400);
    expect(unknownKey.body.error.message).toMatch(/colour/);
    const badTeam = await bad({
      ...body,
      scope: { include: { teams: ['user:default/'] } },
    });
    expect(badTeam.status).toBe(400);
    expect(badTeam.body.error.message).toMatch(/scope\.include\.teams\[0\]/);
    const list = await request(server).get('/api/ownership/campaigns');
    expect(list.body.items).toEqual([]);

    const { body: campaign } = await request(server)
      .post('/api/ownership/campaigns')
      .send(body);
    const attest = (payload: object) =>
      request(server)
        .post(`/api/ownership/campaigns/${campaign.id}/attestations`)
        .set('Authorization', ANA)
        .send(payload);
    const noGroup = await attest({
      entityRef: 'component:default/payments-api',
      answer: 'transfer',
      transferTo: 'group:default/nobody',
    });
    expect(noGroup.status).toBe(400);
    expect(noGroup.body.error.message).toMatch(/transferTo.*not a Group/);
    const noReason = await attest({
      entityRef: 'component:default/payments-api',
      answer: 'not-ours',
      reason: '  ',
    });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.message).toMatch(/reason/);
    const unknownEntity = await attest({
      entityRef: 'component:default/nope',
      answer: 'confirm',
    });
    expect(unknownEntity.status).toBe(404);
    const badAnswer = await attest({
      entityRef: 'component:default/payments-api',
      answer: 'maybe',
    });
    expect(badAnswer.status).toBe(400);
    expect(badAnswer.body.error.message).toMatch(/answer/);
    const history = await request(server).get(
      `/api/ownership/campaigns/${campaign.id}/attestations?entity=component:default/payments-api`,
    );
    expect(history.body.items).toEqual([]);
    expect(
      (await request(server).get('/api/ownership/campaigns/999')).status,
    ).toBe(404);
  });

  it('is immutable once closed, and its evidence verifies', async () => {
    const server = await start();
    const { body: campaign } = await request(server)
      .post('/api/ownership/campaigns')
      .send(body);
    await request(server)
      .post(`/api/ownership/campaigns/${campaign.id}/attestations`)
      .set('Authorization', SAM)
      .send({ entityRef: 'component:default/search-api', answer: 'confirm' });
    const early = await request(server).get(
      `/api/ownership/campaigns/${campaign.id}/evidence/verify`,
    );
    expect(early.status).toBe(409);

    const closed = await request(server).post(
      `/api/ownership/campaigns/${campaign.id}/close`,
    );
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({
      state: 'closed',
      closedBy: 'user:default/mock',
      digest: expect.stringMatching(/^[0-9a-f]{64}$/),
    });

    const late = await request(server)
      .post(`/api/ownership/campaigns/${campaign.id}/attestations`)
      .set('Authorization', SAM)
      .send({ entityRef: 'component:default/search-api', answer: 'retire' });
    expect(late.status).toBe(409);
    const closeAgain = await request(server).post(
      `/api/ownership/campaigns/${campaign.id}/close`,
    );
    expect(closeAgain.status).toBe(409);
    const edit = await request(server)
      .patch(`/api/ownership/campaigns/${campaign.id}`)
      .send({ title: 'Changed' });
    expect(edit.status).toBe(409);

    const verify = await request(server).get(
      `/api/ownership/campaigns/${campaign.id}/evidence/verify`,
    );
    expect(verify.body).toMatchObject({
      matches: true,
      recordedDigest: closed.body.digest,
    });
    const evidence = await request(server).get(
      `/api/ownership/campaigns/${campaign.id}/evidence.json`,
    );
    expect(evidence.body.digest).toBe(closed.body.digest);
    expect(
      evidence.body.rows.find(
        (r: any) => r.entityRef === 'component:default/search-api',
      ),
    ).toMatchObject({
      ownerAtOpening: 'group:default/search',
      ownerAtClosing: 'group:default/search',
      answer: 'confirm',
      by: 'user:default/sam',
      earlierAnswers: 0,
    });
    const csv = await request(server).get(
      `/api/ownership/campaigns/${campaign.id}/export.csv`,
    );
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.text).toContain(
      'component:default/search-api,group:default/search,group:default/search,no,confirm,,,user:default/sam',
    );
  });

  it('keeps what the catalog hides from a caller out of every answer, and refuses writes by permission', async () => {
    const server = await start();
    const { body: campaign } = await request(server)
      .post('/api/ownership/campaigns')
      .send({ ...body, scope: { include: { kinds: ['Component'] } } });
    expect(campaign.progress.total).toBe(5);

    const create = await request(server)
      .post('/api/ownership/campaigns')
      .set('Authorization', OUT)
      .send(body);
    expect(create.status).toBe(403);
    expect(create.body.error.message).toContain('ownership.campaign.manage');
    const close = await request(server)
      .post(`/api/ownership/campaigns/${campaign.id}/close`)
      .set('Authorization', OUT);
    expect(close.status).toBe(403);

    const denied = await request(server)
      .post(`/api/ownership/campaigns/${campaign.id}/attestations`)
      .set('Authorization', OUT)
      .send({ entityRef: 'component:default/search-api', answer: 'confirm' });
    expect(denied.status).toBe(403);
    expect(denied.body.error.message).toContain('ownership.attestation.create');

    // A hidden item answers as a missing one, before anything is checked.
    const hidden = await request(server)
      .post(`/api/ownership/campaigns/${campaign.id}/attestations`)
      .set('Authorization', OUT)
      .send({ entityRef: 'component:default/zephyr-vault', answer: 'maybe' });
    const missing = await request(server)
      .post(`/api/ownership/campaigns/${campaign.id}/attestations`)
      .set('Authorization', OUT)
      .send({ entityRef: 'component:default/no-such', answer: 'maybe' });
    expect(hidden.status).toBe(missing.status);
    const hiddenTarget = await request(server)
      .post(`/api/ownership/campaigns/${campaign.id}/attestations`)
      .set('Authorization', SAM)
      .send({
        entityRef: 'component:default/search-api',
        answer: 'transfer',
        transferTo: 'group:default/secret-ops',
      });
    expect(hiddenTarget.status).toBe(201);

    const views = await Promise.all(
      [
        `/api/ownership/campaigns`,
        `/api/ownership/campaigns/${campaign.id}`,
        `/api/ownership/campaigns/${campaign.id}/items`,
        `/api/ownership/campaigns/${campaign.id}/evidence.json`,
        `/api/ownership/campaigns/${campaign.id}/export.csv`,
        `/api/ownership/attestations/pending?entity=component:default/zephyr-vault`,
      ].map(path => request(server).get(path).set('Authorization', OUT)),
    );
    for (const view of views) {
      expect(view.status).toBe(200);
      expect(view.text).not.toMatch(/zephyr|secret-ops/);
    }
    expect(views[1].body.progress.total).toBe(4);
    const history = await request(server)
      .get(
        `/api/ownership/campaigns/${campaign.id}/attestations?entity=component:default/zephyr-vault`,
      )
      .set('Authorization', OUT);
    expect(history.status).toBe(404);
  });
});

/** A function that starts an audit run on the server and waits for it. */
async function startAuditOn(server: Parameters<typeof request>[0]) {
  return async () => {
    const started = await request(server).post('/api/ownership/runs');
    for (let attempt = 0; attempt < 200; attempt++) {
      const res = await request(server).get(
        `/api/ownership/runs/${started.body.id}`,
      );
      if (res.body.status !== 'running') {
        return;
      }
      await new Promise(resolve => setTimeout(resolve, 25));
    }
  };
}
