import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { createServiceFactory } from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { AuditRun } from '@ownership-portal/plugin-ownership-common';
import request from 'supertest';
import { startOwnershipBackend } from '../__testUtils__/backend';
import { exampleCatalog } from '../__testUtils__/entities';
import { fakeOnCallProvider, oncallModule } from '../__testUtils__/oncall';

type Item = {
  entityRef: string;
  owner: { status: string };
  findings: Array<{ ruleId: string }>;
};
const refs = (items: Item[]) => items.map(i => i.entityRef);

jest.setTimeout(30_000);

describe('ownership REST API', () => {
  let server: Awaited<ReturnType<typeof startOwnershipBackend>>['server'];
  let run: AuditRun;

  beforeAll(async () => {
    const backend = await startOwnershipBackend({
      entities: exampleCatalog(),
      // Documents have their own integration test; these fixtures have none.
      config: {
        rules: {
          runbook: {
            missing: { enabled: false },
            stale: { enabled: false },
            unreachable: { enabled: false },
          },
        },
      },
      features: [
        oncallModule(
          fakeOnCallProvider({
            teams: ['group:default/payments', 'group:default/payments-fraud'],
            gapTeams: ['group:default/data-science'],
          }),
        ),
      ],
    });
    server = backend.server;
    run = await backend.audit();
  });

  it('audits every entity in scope', () => {
    expect(run).toMatchObject({
      status: 'succeeded',
      processed: 10,
      total: 10,
    });
  });

  it('lists services with owner status, level, score and findings', async () => {
    const res = await request(server).get('/api/ownership/services');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      totalItems: 10,
      runId: expect.any(Number),
    });
    const byRef = new Map<string, Item>(
      res.body.items.map((i: Item) => [i.entityRef, i]),
    );
    expect(byRef.get('component:default/payments-api')).toMatchObject({
      kind: 'Component',
      type: 'service',
      title: 'Payments API',
      lifecycle: 'production',
      system: 'system:default/checkout',
      owner: {
        entityRef: 'group:default/payments',
        status: 'ok',
        title: 'payments',
      },
      score: 100,
      level: 4,
      findings: [],
    });
    const statuses = Object.fromEntries(
      res.body.items.map((i: Item) => [
        i.entityRef,
        [i.owner.status, i.findings.map(f => f.ruleId)],
      ]),
    );
    expect(statuses).toMatchObject({
      'component:default/invoice-generator': [
        'missing',
        ['oncall.missing', 'owner.missing'],
      ],
      'component:default/label-printer': [
        'missing',
        ['oncall.missing', 'owner.missing'],
      ],
      'component:default/reconciler': [
        'unresolved',
        ['oncall.missing', 'owner.unresolved'],
      ],
      'component:default/experiments': [
        'individual',
        ['oncall.missing', 'owner.individual'],
      ],
      'component:default/churn-predictor': [
        'empty-team',
        ['oncall.gap', 'owner.empty-team'],
      ],
      'component:default/fraud-scorer': ['ok', []],
      'system:default/legacy': ['missing', ['owner.missing']],
    });
  });

  it('filters by team including sub-groups, rule, severity, lifecycle, kind and text', async () => {
    const get = async (query: string) => {
      const res = await request(server).get(`/api/ownership/services?${query}`);
      expect(res.status).toBe(200);
      return refs(res.body.items).sort();
    };
    expect(await get('team=payments')).toEqual([
      'component:default/fraud-scorer',
      'component:default/payments-api',
      'resource:default/payments-db',
      'system:default/checkout',
    ]);
    expect(await get('team=group:default/payments-fraud')).toEqual([
      'component:default/fraud-scorer',
    ]);
    expect(await get('ruleId=owner.missing&ruleId=owner.individual')).toEqual([
      'component:default/experiments',
      'component:default/invoice-generator',
      'component:default/label-printer',
      'system:default/legacy',
    ]);
    expect(await get('severity=warning')).toEqual([
      'component:default/experiments',
    ]);
    expect(await get('lifecycle=experimental')).toEqual([
      'component:default/experiments',
    ]);
    expect(await get('kind=resource')).toEqual([
      'resource:default/payments-db',
    ]);
    expect(await get('q=PAYMENTS%20api')).toEqual([
      'component:default/payments-api',
    ]);
    expect(await get('q=100%25')).toEqual([]);
    expect(await get('q=java')).toEqual(['component:default/payments-api']);
  });

  it('pages with cursors that stay on the same run and selection', async () => {
    const first = await request(server).get('/api/ownership/services?limit=4');
    expect(first.body.items).toHaveLength(4);
    const seen = refs(first.body.items);
    let cursor = first.body.nextCursor;
    while (cursor) {
      const page = await request(server).get(
        `/api/ownership/services?limit=4&cursor=${cursor}`,
      );
      expect(page.status).toBe(200);
      seen.push(...refs(page.body.items));
      cursor = page.body.nextCursor;
    }
    expect(new Set(seen).size).toBe(10);
    const reused = await request(server).get(
      `/api/ownership/services?limit=4&kind=component&cursor=${first.body.nextCursor}`,
    );
    expect(reused.status).toBe(400);
    expect(reused.body.error.message).toContain('cursor');
  });

  it.each([
    ['limit=0', 'limit must be a whole number from 1 to 500, got "0"'],
    ['limit=501', 'limit must be a whole number from 1 to 500'],
    ['limit=ten', 'limit must be a whole number'],
    ['cursor=bogus', 'cursor: not a cursor returned by this API'],
    ['ruleId=owner.typo', 'ruleId: unknown rule "owner.typo"'],
    ['severity=fatal', 'severity'],
    ['team=group:default/nobody', 'team: group:default/nobody is not a Group'],
    ['team=group:', 'team: "group:" is not an entity ref'],
    ['kind=User', 'kind: User is not audited'],
    ['orderBy=colour', 'orderBy must be one of'],
    ['colour=red', 'Unknown query parameter colour'],
  ])('rejects %s with a 400 naming the parameter', async (query, message) => {
    const res = await request(server).get(`/api/ownership/services?${query}`);
    expect(res.status).toBe(400);
    expect(res.body.error.name).toBe('InputError');
    expect(res.body.error.message).toContain(message);
  });

  it('serves one entity with owner details, dependencies and history', async () => {
    const res = await request(server).get(
      '/api/ownership/services/component/default/payments-api',
    );
    expect(res.status).toBe(200);
    expect(
      res.body.owner.members
        .map((m: { entityRef: string }) => m.entityRef)
        .sort(),
    ).toEqual(['user:default/alice', 'user:default/bob', 'user:default/dave']);
    expect(res.body.owner.contacts[0]).toEqual({
      type: 'email',
      label: 'payments@example.com',
      url: 'mailto:payments@example.com',
    });
    expect(res.body.dependencies).toEqual([
      expect.objectContaining({
        entityRef: 'resource:default/payments-db',
        relation: 'dependsOn',
        owner: expect.objectContaining({ entityRef: 'group:default/payments' }),
      }),
    ]);
    expect(res.body.dependents).toEqual([
      expect.objectContaining({
        entityRef: 'component:default/fraud-scorer',
        owner: expect.objectContaining({
          entityRef: 'group:default/payments-fraud',
        }),
      }),
    ]);
    expect(res.body.history).toHaveLength(1);
    expect(res.body.tags).toEqual(['payments', 'java']);

    const suggested = await request(server).get(
      '/api/ownership/services/component/default/invoice-generator',
    );
    expect(suggested.body.suggestedOwner).toMatchObject({
      entityRef: 'group:default/payments',
    });

    const missing = await request(server).get(
      '/api/ownership/services/component/default/nope',
    );
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toContain(
      'component:default/nope is not in the latest',
    );
  });

  it('answers who is on call, live, for a service, its details, the lookup and its team', async () => {
    const oncall = await request(server).get(
      '/api/ownership/oncall/component/default/payments-api',
    );
    expect(oncall.status).toBe(200);
    expect(oncall.body).toMatchObject({
      source: 'fake',
      matchedBy: 'team',
      status: 'ok',
      stale: false,
      onCallNow: [
        {
          level: 1,
          user: { entityRef: 'user:default/alice', email: 'alice@example.com' },
        },
      ],
      next: [{ user: { entityRef: 'user:default/bob' } }],
    });
    const none = await request(server).get(
      '/api/ownership/oncall/component/default/reconciler',
    );
    expect(none.status).toBe(404);
    expect(none.body.error.message).toContain('has no on-call rotation');

    const details = await request(server).get(
      '/api/ownership/services/component/default/fraud-scorer',
    );
    expect(details.body.oncall).toMatchObject({
      status: 'ok',
      scheduleName: 'group:default/payments-fraud',
    });
    expect(details.body).not.toHaveProperty('oncallSubject');

    const lookup = await request(server).get(
      '/api/ownership/lookup?q=fraud-scorer',
    );
    expect(lookup.body.items[0].oncall).toMatchObject({
      onCallNow: [{ user: { entityRef: 'user:default/alice' } }],
    });

    const team = await request(server).get(
      '/api/ownership/teams/group/default/data-science',
    );
    expect(team.body.oncall).toMatchObject({ status: 'gap' });
    expect(team.body).not.toHaveProperty('annotations');
  });

  it('rolls teams up with their sub-groups', async () => {
    const list = await request(server).get(
      '/api/ownership/teams?orderBy=serviceCount&order=desc',
    );
    expect(list.status).toBe(200);
    expect(list.body.items[0]).toMatchObject({
      entityRef: 'group:default/engineering',
      serviceCount: 5,
    });
    const payments = await request(server).get(
      '/api/ownership/teams/group/default/payments',
    );
    expect(payments.body).toMatchObject({
      serviceCount: 4,
      directServiceCount: 3,
      memberCount: 3,
      subGroups: ['group:default/payments-fraud'],
      levels: [0, 0, 0, 0, 4],
    });
    expect(refs(payments.body.services)).toContain(
      'component:default/fraud-scorer',
    );
    const nope = await request(server).get(
      '/api/ownership/teams/group/default/nope',
    );
    expect(nope.status).toBe(404);
  });

  it('lists findings flat and exports the selection as CSV', async () => {
    const findings = await request(server).get(
      '/api/ownership/findings?ruleId=owner.missing',
    );
    expect(findings.body.totalItems).toBe(3);
    expect(findings.body.items[0]).toMatchObject({
      ruleId: 'owner.missing',
      severity: 'error',
      entityRef: expect.any(String),
      title: expect.any(String),
    });

    const csv = await request(server).get(
      '/api/ownership/export.csv?team=payments',
    );
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    const lines = csv.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toContain(
      'entity_ref,kind,type,title,lifecycle,system,owner,owner_status',
    );
    expect(lines[0]).toContain('owner.missing');
    expect(lines).toHaveLength(5);
    expect(
      lines.find(l => l.startsWith('component:default/payments-api')),
    ).toContain('group:default/payments,ok,payments,4,100,0');
    const bad = await request(server).get('/api/ownership/export.csv?limit=5');
    expect(bad.status).toBe(400);
  });

  it('summarises the run with shares by rule and a trend', async () => {
    const res = await request(server).get('/api/ownership/summary');
    expect(res.status).toBe(200);
    expect(res.body.figures).toMatchObject({ services: 10, validOwner: 4 });
    expect(res.body.validOwnerShare).toBeCloseTo(4 / 10);
    expect(res.body.ruleShares['owner.missing']).toBeCloseTo(3 / 10);
    expect(res.body.trend).toHaveLength(1);
  });

  it('looks services up by name, title, tag and owner', async () => {
    const res = await request(server).get(
      '/api/ownership/lookup?q=payments%20api',
    );
    expect(res.status).toBe(200);
    expect(res.body.items[0]).toMatchObject({
      entityRef: 'component:default/payments-api',
      owner: {
        entityRef: 'group:default/payments',
        contacts: expect.any(Array),
      },
    });
    const missing = await request(server).get('/api/ownership/lookup');
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toContain('q');
  });

  it('lists runs', async () => {
    const res = await request(server).get('/api/ownership/runs');
    expect(res.body.items[0]).toMatchObject({
      status: 'succeeded',
      trigger: 'manual',
    });
    const latest = await request(server).get('/api/ownership/runs/latest');
    expect(latest.body).toMatchObject({
      id: res.body.items[0].id,
      status: 'succeeded',
      processed: 10,
      total: 10,
      startedAt: expect.any(String),
      finishedAt: expect.any(String),
    });
  });

  it('requires credentials everywhere', async () => {
    for (const path of [
      '/services',
      '/teams',
      '/findings',
      '/export.csv',
      '/summary',
      '/lookup?q=x',
      '/runs',
    ]) {
      const res = await request(server)
        .get(`/api/ownership${path}`)
        .set('authorization', mockCredentials.none.header());
      expect(res.status).toBe(401);
    }
  });
});

describe('ownership REST API permissions', () => {
  it('refuses to start a run without ownership.run.create', async () => {
    const { server } = await startOwnershipBackend({
      entities: exampleCatalog(),
      features: [
        mockServices.permissions.factory({ result: AuthorizeResult.DENY }),
      ],
    });
    const res = await request(server).post('/api/ownership/runs');
    expect(res.status).toBe(403);
    expect(res.body.error.message).toContain('ownership.run.create');
    const runs = await request(server).get('/api/ownership/runs');
    expect(runs.body.items).toEqual([]);
  });

  it('hides entities the caller may not read in the catalog', async () => {
    const catalog = catalogServiceMock({ entities: exampleCatalog() });
    const hidden = 'component:default/payments-api';
    const getEntitiesByRefs = catalog.getEntitiesByRefs.bind(catalog);
    catalog.getEntitiesByRefs = async (req, options) => {
      const response = await getEntitiesByRefs(req, options);
      const credentials = (options as { credentials?: { principal: object } })
        ?.credentials;
      const principal = credentials?.principal as
        | { userEntityRef?: string }
        | undefined;
      if (principal?.userEntityRef === 'user:default/outsider') {
        response.items = response.items.map((e, i) =>
          req.entityRefs[i] === hidden ? undefined : e,
        );
      }
      return response;
    };
    const backend = await startOwnershipBackend({
      catalog: createServiceFactory({
        service: catalogServiceRef,
        deps: {},
        factory: () => catalog,
      }),
    });
    await backend.audit();
    const outsider = mockCredentials.user.header('user:default/outsider');
    const list = await request(backend.server)
      .get('/api/ownership/services?team=payments')
      .set('authorization', outsider);
    expect(refs(list.body.items)).not.toContain(hidden);
    expect(list.body.items.length).toBeGreaterThan(0);
    const one = await request(backend.server)
      .get('/api/ownership/services/component/default/payments-api')
      .set('authorization', outsider);
    expect(one.status).toBe(404);
    const lookup = await request(backend.server)
      .get('/api/ownership/lookup?q=payments-api')
      .set('authorization', outsider);
    expect(refs(lookup.body.items)).not.toContain(hidden);
    const insider = await request(backend.server).get(
      '/api/ownership/services/component/default/payments-api',
    );
    expect(insider.status).toBe(200);
  });
});
