import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import request from 'supertest';
import pagerDutyModule from '@ownership-portal/plugin-ownership-backend-module-pagerduty';
import { startOwnershipBackend } from '../__testUtils__/backend';
import { exampleCatalog } from '../__testUtils__/entities';

const API = 'https://api.pagerduty.com';
const HOUR = 3_600_000;

/** Responses shaped like PagerDuty REST API v2, with shifts around the real time. */
function pagerDuty(state: { down: boolean }) {
  const unavailable = () =>
    HttpResponse.json(
      { error: { message: 'Service Unavailable' } },
      { status: 503 },
    );
  const policy = {
    id: 'PPOL1',
    type: 'escalation_policy_reference',
    summary: 'Payments',
    html_url: 'https://acme.pagerduty.com/escalation_policies/PPOL1',
  };
  const alice = {
    id: 'PUSR1',
    type: 'user',
    summary: 'Alice Nguyen',
    name: 'Alice Nguyen',
    email: 'ALICE@example.com',
  };
  return [
    http.get(`${API}/services/PSVC1`, () =>
      state.down
        ? unavailable()
        : HttpResponse.json({
            service: {
              id: 'PSVC1',
              type: 'service',
              name: 'Payments API',
              escalation_policy: policy,
            },
          }),
    ),
    http.get(`${API}/escalation_policies/PPOL1`, () =>
      state.down
        ? unavailable()
        : HttpResponse.json({
            escalation_policy: {
              ...policy,
              type: 'escalation_policy',
              name: 'Payments',
              escalation_rules: [
                {
                  escalation_delay_in_minutes: 15,
                  targets: [
                    {
                      id: 'PUSR1',
                      type: 'user_reference',
                      summary: 'Alice Nguyen',
                    },
                  ],
                },
              ],
            },
          }),
    ),
    http.get(`${API}/oncalls`, () => {
      if (state.down) {
        return unavailable();
      }
      const now = Date.now();
      return HttpResponse.json({
        oncalls: [
          {
            user: alice,
            escalation_policy: policy,
            schedule: null,
            escalation_level: 1,
            start: new Date(now - HOUR).toISOString(),
            end: new Date(now + 8 * 24 * HOUR).toISOString(),
          },
        ],
        limit: 100,
        offset: 0,
        more: false,
        total: null,
      });
    }),
  ];
}

describe('PagerDuty outage', () => {
  const server = setupServer();
  // Requests to the test backend itself pass through; PagerDuty's are faked.
  beforeAll(() => server.listen({ onUnhandledRequest: 'bypass' }));
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());

  it('serves the last answer marked stale and never reports oncall.missing for the outage', async () => {
    const state = { down: false };
    server.use(...pagerDuty(state));
    const entities = exampleCatalog();
    const paymentsApi = entities.find(e => e.metadata.name === 'payments-api')!;
    paymentsApi.metadata.annotations = { 'pagerduty.com/service-id': 'PSVC1' };
    const backend = await startOwnershipBackend({
      entities,
      features: [pagerDutyModule],
      config: {
        oncall: {
          cacheTtl: { milliseconds: 50 },
          pagerduty: {
            token: 'pd-token',
            maxAttempts: 2,
            breakerThreshold: 100,
          },
        },
      },
    });

    await backend.audit();
    const before = await request(backend.server).get(
      '/api/ownership/oncall/component/default/payments-api',
    );
    expect(before.body).toMatchObject({
      source: 'pagerduty',
      matchedBy: 'service-annotation',
      status: 'ok',
      stale: false,
      onCallNow: [{ level: 1, user: { entityRef: 'user:default/alice' } }],
    });

    state.down = true;
    await new Promise(resolve => setTimeout(resolve, 100));
    await backend.audit();

    const details = await request(backend.server).get(
      '/api/ownership/services/component/default/payments-api',
    );
    expect(details.body.oncall).toMatchObject({
      source: 'pagerduty',
      status: 'ok',
      stale: true,
      checkedAt: before.body.checkedAt,
      onCallNow: [{ level: 1, user: { entityRef: 'user:default/alice' } }],
    });
    expect(details.body.oncall.reason).toContain('503');
    expect(
      details.body.findings.map((f: { ruleId: string }) => f.ruleId),
    ).not.toContain('oncall.missing');
    const missing = await request(backend.server).get(
      '/api/ownership/findings?ruleId=oncall.missing&limit=100',
    );
    expect(
      missing.body.items.map((f: { entityRef: string }) => f.entityRef),
    ).not.toContain('component:default/payments-api');
  });
});
