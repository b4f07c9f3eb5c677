import {
  mockServices,
  registerMswTestHooks,
} from '@backstage/backend-test-utils';
import { NotFoundError } from '@backstage/errors';
import {
  type OnCallSubject,
  RemoteHttpError,
} from '@ownership-portal/plugin-ownership-node';
import { http, HttpResponse, delay } from 'msw';
import { setupServer } from 'msw/node';
import {
  API,
  at,
  contextWith,
  NOW,
  paginated,
  pdOnCall,
  pdPolicy,
  pdRef,
  pdService,
  pdUser,
  WEB,
} from './__testUtils__/pagerDuty';
import type { PdOnCall } from './client/types';
import {
  minutesToIsoDuration,
  PagerDutyOnCallProvider,
  type PagerDutyOnCallProviderOptions,
} from './PagerDutyOnCallProvider';

const alice = pdUser('PALICE', 'Alice Smith', 'Alice.Smith@Example.COM');
const bob = pdUser('PBOB', 'Bob Jones', 'bob@example.com');
const carol = pdUser('PCAROL', 'Carol White', 'carol@example.com');
const dan = pdUser('PDAN', 'Dan Brown', 'dan@example.com');
const erin = pdUser('PERIN', 'Erin Black', 'erin@example.com');
const frank = pdUser('PFRANK', 'Frank Green', 'frank@example.com');

const policyRef = pdRef('escalation_policy', 'PEP1', 'Payments');
const payments = pdPolicy('PEP1', 'Payments', [
  {
    delay: 15,
    targets: [pdRef('schedule', 'PSCHED1', 'Payments primary')],
  },
  { delay: 15, targets: [{ ...dan, type: 'user' }] },
  { delay: 30, targets: [pdRef('user', 'PCAROL', 'Carol White')] },
  { delay: 30, targets: [pdRef('schedule', 'PSCHED2', 'Managers')] },
  { delay: 60, targets: [pdRef('user', 'PERIN', 'Erin Black')] },
]);

/** Levels 1..5 on call now, listed the way PagerDuty may: level 5 first. */
const levels: PdOnCall[] = [
  pdOnCall({ user: erin, level: 5, start: at(-48), end: at(200) }),
  pdOnCall({ user: carol, level: 3, start: at(-24), end: at(100) }),
  pdOnCall({ user: alice, level: 1, start: at(-24), end: at(48) }),
  pdOnCall({ user: dan, level: 2, start: null, end: null, schedule: null }),
  pdOnCall({ user: frank, level: 4, start: at(-2), end: at(22) }),
  pdOnCall({ user: bob, level: 1, start: at(48), end: at(216) }),
];

const catalogUsers = [
  {
    entityRef: 'user:default/alice',
    name: 'Alice',
    email: 'alice.smith@example.com',
  },
  { entityRef: 'user:default/dan', name: 'Dan', email: 'DAN@example.com' },
];

const fast: PagerDutyOnCallProviderOptions['resilience'] = {
  initialDelayMs: 1,
  random: () => 0,
};

function providerWith(
  options: Partial<PagerDutyOnCallProviderOptions> = {},
): PagerDutyOnCallProvider {
  return PagerDutyOnCallProvider.create({
    token: 'pd-token',
    webUrl: WEB,
    ...options,
    resilience: { ...fast, ...options.resilience },
  });
}

function subject(
  service: Record<string, string>,
  team?: Record<string, string>,
): OnCallSubject {
  return {
    service: {
      entityRef: 'component:default/payments',
      kind: 'Component',
      annotations: service,
    },
    ...(team && {
      team: { entityRef: 'group:default/payments-team', annotations: team },
    }),
  };
}

describe('PagerDutyOnCallProvider', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  /** PSVC1 → PEP1, with these on-calls. */
  function payingService(
    entries: PdOnCall[] = levels,
    requests: URL[] = [],
    pageSize = 100,
  ) {
    server.use(
      http.get(`${API}/services/PSVC1`, () =>
        HttpResponse.json({ service: pdService('PSVC1', policyRef) }),
      ),
      http.get(`${API}/escalation_policies/PEP1`, () =>
        HttpResponse.json({ escalation_policy: payments }),
      ),
      paginated('/oncalls', 'oncalls', entries, { pageSize, requests }),
    );
  }

  describe('match', () => {
    const provider = providerWith();

    it('prefers the service id, then the integration key', () => {
      expect(
        provider.match(
          subject(
            {
              'pagerduty.com/service-id': ' PSVC1 ',
              'pagerduty.com/integration-key': 'abc',
              'pagerduty.com/escalation-policy-id': 'PEP1',
            },
            { 'pagerduty.com/schedule-id': 'PSCHED1' },
          ),
        ),
      ).toEqual({
        matchedBy: 'service-annotation',
        key: 'service:PSVC1',
        data: { type: 'service', id: 'PSVC1' },
      });
      expect(
        provider.match(
          subject({
            'pagerduty.com/service-id': '',
            'pagerduty.com/integration-key': 'abc123',
          }),
        ),
      ).toMatchObject({
        matchedBy: 'service-annotation',
        key: 'integration:abc123',
      });
    });

    it("takes the service's policy or schedule before the team's", () => {
      expect(
        provider.match(
          subject(
            { 'pagerduty.com/schedule-id': 'PSCHED9' },
            { 'pagerduty.com/escalation-policy-id': 'PEP1' },
          ),
        ),
      ).toMatchObject({
        matchedBy: 'service-annotation',
        key: 'schedule:PSCHED9',
      });
      expect(
        provider.match(
          subject(
            {},
            {
              'pagerduty.com/schedule-id': 'PSCHED9',
              'pagerduty.com/escalation-policy-id': 'PEP1',
            },
          ),
        ),
      ).toMatchObject({ matchedBy: 'team-annotation', key: 'policy:PEP1' });
      expect(
        provider.match(subject({}, { 'pagerduty.com/schedule-id': 'PSCHED9' })),
      ).toMatchObject({
        matchedBy: 'team-annotation',
        key: 'schedule:PSCHED9',
      });
    });

    it('knows nothing without PagerDuty annotations', () => {
      expect(
        provider.match(
          subject(
            { 'ownership-portal/oncall-rotation': 'payments' },
            { 'pagerduty.com/schedule-id': '  ' },
          ),
        ),
      ).toBeUndefined();
    });
  });

  describe('resolve', () => {
    it('answers level 1 as on call now even when PagerDuty lists level 5 first', async () => {
      const requests: URL[] = [];
      const headers: Headers[] = [];
      payingService(levels, requests);
      server.events.on('request:start', ({ request }) => {
        headers.push(request.headers);
      });
      const provider = providerWith();

      const answer = await provider.resolve(
        provider.match(subject({ 'pagerduty.com/service-id': 'PSVC1' }))!,
        contextWith(catalogUsers),
      );
      server.events.removeAllListeners();

      expect(answer.status).toBe('ok');
      expect(answer.gaps).toEqual([]);
      expect(answer.scheduleName).toBe('Payments');
      expect(answer.scheduleUrl).toBe(`${WEB}/escalation_policies/PEP1`);
      expect(answer.onCallNow.map(o => [o.level, o.user.name])).toEqual([
        [1, 'Alice Smith'],
        [2, 'Dan Brown'],
        [3, 'Carol White'],
        [4, 'Frank Green'],
        [5, 'Erin Black'],
      ]);
      expect(answer.onCallNow[0]).toEqual({
        level: 1,
        user: {
          entityRef: 'user:default/alice',
          name: 'Alice Smith',
          email: 'Alice.Smith@Example.COM',
        },
        until: at(48),
      });
      // A permanent on-call has no end.
      expect(answer.onCallNow[1].until).toBeUndefined();
      expect(answer.next).toEqual([
        {
          user: { name: 'Bob Jones', email: 'bob@example.com' },
          from: at(48),
          to: at(216),
        },
      ]);
      expect(answer.escalation).toEqual([
        {
          level: 1,
          after: 'PT0M',
          targets: [
            { type: 'schedule', ref: 'PSCHED1', name: 'Payments primary' },
          ],
        },
        {
          level: 2,
          after: 'PT15M',
          targets: [
            { type: 'user', ref: 'user:default/dan', name: 'Dan Brown' },
          ],
        },
        {
          level: 3,
          after: 'PT30M',
          targets: [{ type: 'user', ref: 'PCAROL', name: 'Carol White' }],
        },
        {
          level: 4,
          after: 'PT1H',
          targets: [{ type: 'schedule', ref: 'PSCHED2', name: 'Managers' }],
        },
        {
          level: 5,
          after: 'PT1H30M',
          targets: [{ type: 'user', ref: 'PERIN', name: 'Erin Black' }],
        },
      ]);

      const [oncalls] = requests;
      expect(oncalls.searchParams.getAll('escalation_policy_ids[]')).toEqual([
        'PEP1',
      ]);
      expect(oncalls.searchParams.get('since')).toBe(NOW.toISOString());
      expect(oncalls.searchParams.get('until')).toBe(at(7 * 24));
      expect(oncalls.searchParams.get('time_zone')).toBe('UTC');
      expect(oncalls.searchParams.getAll('include[]')).toEqual(['users']);
      expect(headers.length).toBe(3);
      for (const h of headers) {
        expect(h.get('authorization')).toBe('Token token=pd-token');
        expect(h.get('accept')).toBe(
          'application/vnd.pagerduty+json;version=2',
        );
      }
    });

    it('reads every page of /oncalls', async () => {
      const requests: URL[] = [];
      payingService(levels, requests, 2);
      const provider = providerWith();

      const answer = await provider.resolve(
        provider.match(subject({ 'pagerduty.com/service-id': 'PSVC1' }))!,
        contextWith(),
      );

      expect(requests.map(r => r.searchParams.get('offset'))).toEqual([
        '0',
        '2',
        '4',
      ]);
      expect(answer.onCallNow).toHaveLength(5);
      expect(answer.next.map(n => n.user.name)).toEqual(['Bob Jones']);
    });

    it('reports a gap in level 1 even when other levels are covered', async () => {
      payingService([
        pdOnCall({ user: dan, level: 2, start: at(-100), end: at(300) }),
        pdOnCall({ user: alice, level: 1, start: at(-1), end: at(72) }),
        pdOnCall({ user: bob, level: 1, start: at(96), end: at(192) }),
      ]);
      const provider = providerWith();

      const answer = await provider.resolve(
        provider.match(subject({ 'pagerduty.com/service-id': 'PSVC1' }))!,
        contextWith(),
      );

      expect(answer.status).toBe('gap');
      expect(answer.gaps).toEqual([{ from: at(72), to: at(96) }]);
      expect(answer.onCallNow.map(o => o.level)).toEqual([1, 2]);
      expect(answer.next.map(n => n.user.name)).toEqual(['Bob Jones']);
    });

    it('reports a gap now when nobody is on level 1', async () => {
      payingService([
        pdOnCall({ user: dan, level: 2, start: at(-100), end: at(300) }),
        pdOnCall({ user: bob, level: 1, start: at(5), end: at(300) }),
      ]);
      const provider = providerWith();

      const answer = await provider.resolve(
        provider.match(subject({ 'pagerduty.com/service-id': 'PSVC1' }))!,
        contextWith(),
      );

      expect(answer.status).toBe('gap');
      expect(answer.gaps).toEqual([{ from: at(0), to: at(5) }]);
      expect(answer.onCallNow).toEqual([
        {
          level: 2,
          user: { name: 'Dan Brown', email: 'dan@example.com' },
          until: at(300),
        },
      ]);
    });

    it('treats permanent on-calls as covering the week', async () => {
      payingService([
        pdOnCall({ user: alice, level: 1, start: null, end: null }),
      ]);
      const provider = providerWith();

      const answer = await provider.resolve(
        provider.match(subject({ 'pagerduty.com/service-id': 'PSVC1' }))!,
        contextWith(),
      );

      expect(answer).toMatchObject({ status: 'ok', gaps: [], next: [] });
      expect(answer.onCallNow).toEqual([
        {
          level: 1,
          user: { name: 'Alice Smith', email: 'Alice.Smith@Example.COM' },
        },
      ]);
    });

    it('maps people to catalog Users by email, case-insensitively, keeping PagerDuty names', async () => {
      payingService();
      const provider = providerWith();

      const answer = await provider.resolve(
        provider.match(subject({ 'pagerduty.com/service-id': 'PSVC1' }))!,
        contextWith(catalogUsers),
      );

      expect(answer.onCallNow.map(o => o.user)).toEqual([
        {
          entityRef: 'user:default/alice',
          name: 'Alice Smith',
          email: 'Alice.Smith@Example.COM',
        },
        {
          entityRef: 'user:default/dan',
          name: 'Dan Brown',
          email: 'dan@example.com',
        },
        { name: 'Carol White', email: 'carol@example.com' },
        { name: 'Frank Green', email: 'frank@example.com' },
        { name: 'Erin Black', email: 'erin@example.com' },
      ]);
    });

    it('finds the service of an integration key across pages and keeps the map an hour', async () => {
      let time = 0;
      const listing: URL[] = [];
      payingService();
      server.use(
        paginated(
          '/services',
          'services',
          [
            pdService('PSVC0', pdRef('escalation_policy', 'PEP0', 'Other'), [
              { id: 'PI1' },
              { id: 'PI2', key: 'key-of-other-service' },
            ]),
            pdService('PSVC1', policyRef, [
              { id: 'PI3' },
              { id: 'PI4', key: 'a1b2c3d4e5f6' },
              { id: 'PI5', key: 'second-key-of-payments' },
            ]),
          ],
          { pageSize: 1, requests: listing },
        ),
      );
      const provider = providerWith({ clock: () => time });
      const context = contextWith();

      const target = provider.match(
        subject({ 'pagerduty.com/integration-key': 'a1b2c3d4e5f6' }),
      )!;
      expect(target.key).toBe('integration:a1b2c3d4e5f6');
      const answer = await provider.resolve(target, context);
      expect(answer.scheduleName).toBe('Payments');
      expect(answer.onCallNow[0].user.name).toBe('Alice Smith');
      expect(listing.map(u => u.searchParams.get('offset'))).toEqual([
        '0',
        '1',
      ]);
      expect(listing[0].searchParams.getAll('include[]')).toEqual([
        'integrations',
      ]);

      time += 30 * 60_000;
      await provider.resolve(
        provider.match(
          subject({
            'pagerduty.com/integration-key': 'second-key-of-payments',
          }),
        )!,
        context,
      );
      expect(listing).toHaveLength(2);

      // An unknown key reloads the map only when it is older than 5 minutes.
      const unknown = provider.match(
        subject({ 'pagerduty.com/integration-key': 'not-a-known-key' }),
      )!;
      await expect(provider.resolve(unknown, context)).rejects.toThrow(
        NotFoundError,
      );
      expect(listing).toHaveLength(4);
      time += 60_000;
      await expect(provider.resolve(unknown, context)).rejects.toThrow(
        'No PagerDuty service has an integration with key not-…ey',
      );
      expect(listing).toHaveLength(4);

      time += 61 * 60_000;
      await provider.resolve(target, context);
      expect(listing).toHaveLength(6);
    });

    it('keeps escalation policies for 10 minutes', async () => {
      let time = 0;
      let policyCalls = 0;
      payingService();
      server.use(
        http.get(`${API}/escalation_policies/PEP1`, ({ request }) => {
          policyCalls += 1;
          expect(new URL(request.url).searchParams.getAll('include[]')).toEqual(
            ['targets'],
          );
          return HttpResponse.json({ escalation_policy: payments });
        }),
      );
      const provider = providerWith({ clock: () => time });
      const target = provider.match(
        subject({}, { 'pagerduty.com/escalation-policy-id': 'PEP1' }),
      )!;

      await provider.resolve(target, contextWith());
      time += 9 * 60_000;
      await provider.resolve(target, contextWith());
      expect(policyCalls).toBe(1);
      time += 2 * 60_000;
      await provider.resolve(target, contextWith());
      expect(policyCalls).toBe(2);
    });

    it('shares escalation policies between replicas through the cache service', async () => {
      let policyCalls = 0;
      payingService();
      server.use(
        http.get(`${API}/escalation_policies/PEP1`, () => {
          policyCalls += 1;
          return HttpResponse.json({ escalation_policy: payments });
        }),
      );
      const cache = mockServices.cache.mock();
      const stored = new Map<string, unknown>();
      cache.get.mockImplementation(async key => stored.get(key) as never);
      cache.set.mockImplementation(async (key, value) => {
        stored.set(key, value);
      });
      const replicaA = providerWith({ cache });
      const replicaB = providerWith({ cache });
      const team = subject(
        {},
        { 'pagerduty.com/escalation-policy-id': 'PEP1' },
      );

      await replicaA.resolve(replicaA.match(team)!, contextWith());
      await replicaB.resolve(replicaB.match(team)!, contextWith());

      expect(policyCalls).toBe(1);
      expect(cache.set).toHaveBeenCalledWith(
        'pagerduty:policy:PEP1',
        payments,
        {
          ttl: 10 * 60_000,
        },
      );
    });

    it("answers a team's schedule as one level-1 rotation", async () => {
      const requests: URL[] = [];
      const schedule = pdRef('schedule', 'PSCHED9', 'Platform weekly');
      server.use(
        paginated(
          '/oncalls',
          'oncalls',
          [
            // The schedule is level 1 of one policy and level 2 of another.
            pdOnCall({
              user: bob,
              level: 2,
              start: at(-30),
              end: at(90),
              policy: 'PEP2',
              schedule,
            }),
            pdOnCall({
              user: bob,
              level: 1,
              start: at(-30),
              end: at(90),
              policy: 'PEP1',
              schedule,
            }),
            pdOnCall({
              user: alice,
              level: 2,
              start: at(90),
              end: at(258),
              policy: 'PEP2',
              schedule,
            }),
          ],
          { requests },
        ),
      );
      const provider = providerWith();
      const target = provider.match(
        subject({}, { 'pagerduty.com/schedule-id': 'PSCHED9' }),
      )!;
      expect(target).toMatchObject({
        matchedBy: 'team-annotation',
        key: 'schedule:PSCHED9',
      });

      const answer = await provider.resolve(target, contextWith(catalogUsers));

      expect(requests[0].searchParams.getAll('schedule_ids[]')).toEqual([
        'PSCHED9',
      ]);
      expect(requests[0].searchParams.has('escalation_policy_ids[]')).toBe(
        false,
      );
      expect(answer).toEqual({
        scheduleName: 'Platform weekly',
        scheduleUrl: `${WEB}/schedules/PSCHED9`,
        status: 'ok',
        gaps: [],
        onCallNow: [
          {
            level: 1,
            user: { name: 'Bob Jones', email: 'bob@example.com' },
            until: at(90),
          },
        ],
        next: [
          {
            user: {
              entityRef: 'user:default/alice',
              name: 'Alice Smith',
              email: 'Alice.Smith@Example.COM',
            },
            from: at(90),
            to: at(258),
          },
        ],
        escalation: [
          {
            level: 1,
            after: 'PT0M',
            targets: [
              { type: 'schedule', ref: 'PSCHED9', name: 'Platform weekly' },
            ],
          },
        ],
      });
    });

    it('asks for the schedule itself when nobody is on it', async () => {
      server.use(
        paginated('/oncalls', 'oncalls', []),
        http.get(`${API}/schedules/PSCHED9`, () =>
          HttpResponse.json({
            schedule: {
              ...pdRef('schedule', 'PSCHED9', 'Platform weekly'),
              type: 'schedule',
              name: 'Platform weekly',
            },
          }),
        ),
      );
      const provider = providerWith();

      const answer = await provider.resolve(
        provider.match(subject({ 'pagerduty.com/schedule-id': 'PSCHED9' }))!,
        contextWith(),
      );

      expect(answer).toMatchObject({
        scheduleName: 'Platform weekly',
        status: 'gap',
        gaps: [{ from: at(0), to: at(7 * 24) }],
        onCallNow: [],
        next: [],
      });
    });

    it('asks the EU service region when configured', async () => {
      const eu = 'https://api.eu.pagerduty.com';
      server.use(
        http.get(`${eu}/escalation_policies/PEP1`, () =>
          HttpResponse.json({ escalation_policy: payments }),
        ),
        paginated('/oncalls', 'oncalls', levels, { base: eu }),
      );
      const provider = providerWith({ baseUrl: `${eu}/` });

      const answer = await provider.resolve(
        provider.match(
          subject({ 'pagerduty.com/escalation-policy-id': 'PEP1' }),
        )!,
        contextWith(),
      );

      expect(answer.onCallNow[0].user.name).toBe('Alice Smith');
    });
  });

  describe('resilience', () => {
    const target = {
      matchedBy: 'service-annotation' as const,
      key: 'service:PSVC1',
    };

    function failingService(
      ...responses: Array<() => Response | Promise<Response>>
    ) {
      const calls = { count: 0 };
      payingService();
      server.use(
        http.get(`${API}/services/PSVC1`, () => {
          const respond = responses[calls.count];
          calls.count += 1;
          return respond
            ? respond()
            : HttpResponse.json({ service: pdService('PSVC1', policyRef) });
        }),
      );
      return calls;
    }

    it('waits as long as Retry-After asks after a 429, then answers', async () => {
      const calls = failingService(() =>
        HttpResponse.json(
          { error: { message: 'Rate Limit Exceeded', code: 2020 } },
          { status: 429, headers: { 'Retry-After': '1' } },
        ),
      );
      const provider = providerWith();

      const started = Date.now();
      const answer = await provider.resolve(target, contextWith());

      expect(Date.now() - started).toBeGreaterThanOrEqual(950);
      expect(calls.count).toBe(2);
      expect(answer.status).toBe('ok');
    });

    it('retries a 5xx', async () => {
      const calls = failingService(
        () => new HttpResponse('Bad Gateway', { status: 502 }),
        () => new HttpResponse(null, { status: 503 }),
      );
      const provider = providerWith();

      await expect(
        provider.resolve(target, contextWith()),
      ).resolves.toMatchObject({ status: 'ok' });
      expect(calls.count).toBe(3);
    });

    it('gives up on a slow answer after the timeout', async () => {
      const calls = failingService(async () => {
        await delay(500);
        return HttpResponse.json({ service: pdService('PSVC1', policyRef) });
      });
      const provider = providerWith({
        resilience: { timeoutMs: 50, maxAttempts: 1 },
      });

      await expect(provider.resolve(target, contextWith())).rejects.toThrow(
        'PagerDuty did not answer within 50 ms',
      );
      expect(calls.count).toBe(1);
    });

    it('opens the breaker after repeated failures and closes it after halfOpenAfter', async () => {
      const failure = () => new HttpResponse(null, { status: 500 });
      const calls = failingService(failure, failure);
      const provider = providerWith({
        resilience: {
          maxAttempts: 1,
          breakerThreshold: 2,
          halfOpenAfterMs: 200,
        },
      });

      for (let i = 0; i < 2; i++) {
        await expect(provider.resolve(target, contextWith())).rejects.toThrow(
          RemoteHttpError,
        );
      }
      await expect(provider.resolve(target, contextWith())).rejects.toThrow(
        'PagerDuty is failing; calls are paused for up to 200 ms',
      );
      expect(calls.count).toBe(2);

      await delay(250);
      await expect(
        provider.resolve(target, contextWith()),
      ).resolves.toMatchObject({ status: 'ok' });
      expect(calls.count).toBe(3);
    });

    it('does not retry a 401', async () => {
      const calls = failingService(() =>
        HttpResponse.json(
          { error: { message: 'Unauthorized', code: 2006 } },
          { status: 401 },
        ),
      );
      const provider = providerWith({ resilience: { maxAttempts: 3 } });

      const error = await provider.resolve(target, contextWith()).catch(e => e);

      expect(error).toBeInstanceOf(RemoteHttpError);
      expect(error.status).toBe(401);
      expect(error.message).not.toContain('pd-token');
      expect(calls.count).toBe(1);
    });
  });
});

describe('minutesToIsoDuration', () => {
  it('writes hours and minutes', () => {
    expect([0, 5, 60, 90, 1500].map(minutesToIsoDuration)).toEqual([
      'PT0M',
      'PT5M',
      'PT1H',
      'PT1H30M',
      'PT25H',
    ]);
  });
});
