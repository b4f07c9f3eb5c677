import {
  coreServices,
  createServiceFactory,
  type LoggerService,
} from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import githubTechDebtModule from '@ownership-portal/plugin-ownership-backend-module-github-techdebt';
import icalModule from '@ownership-portal/plugin-ownership-backend-module-ical';
import pagerDutyModule from '@ownership-portal/plugin-ownership-backend-module-pagerduty';
import type {
  Finding,
  ServiceDetails,
} from '@ownership-portal/plugin-ownership-common';
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import request from 'supertest';
import { startOwnershipBackend } from './__testUtils__/backend';

/**
 * Fault tests: PagerDuty, GitHub, remote documents and iCalendar feeds,
 * served by a real HTTP server on loopback, answer well for one audit and
 * then fail (500, 429 with Retry-After, too slow, connection reset) for the
 * next. The second audit must complete, raise no `unreachable`, `missing`
 * or `invalid` finding the first did not, serve its stale answers marked as
 * such with the reason, and log each breaker opening.
 */

jest.setTimeout(60_000);

type Mode = 'healthy' | '500' | '429' | 'slow' | 'reset' | 'github-exhausted';

const HOUR = 3_600_000;
const FEEDS = 5;

/** What the loopback server answers: PagerDuty, GitHub, documents and feeds. */
function healthyAnswer(path: string): { type: string; body: string } | null {
  const now = Date.now();
  const json = (value: unknown) => ({
    type: 'application/json',
    body: JSON.stringify(value),
  });
  const policy = {
    id: 'PPOL1',
    type: 'escalation_policy_reference',
    summary: 'Payments',
    html_url: 'https://acme.pagerduty.com/escalation_policies/PPOL1',
  };
  if (path === '/pd/services/PSVC1') {
    return json({
      service: {
        id: 'PSVC1',
        type: 'service',
        name: 'Payments API',
        escalation_policy: policy,
      },
    });
  }
  if (path === '/pd/escalation_policies/PPOL1') {
    return json({
      escalation_policy: {
        ...policy,
        type: 'escalation_policy',
        name: 'Payments',
        escalation_rules: [
          {
            escalation_delay_in_minutes: 15,
            targets: [
              { id: 'PUSR1', type: 'user_reference', summary: 'Alice' },
            ],
          },
        ],
      },
    });
  }
  if (path.startsWith('/pd/oncalls')) {
    return json({
      oncalls: [
        {
          user: {
            id: 'PUSR1',
            type: 'user',
            summary: 'Alice',
            name: 'Alice',
            email: 'alice@example.com',
          },
          escalation_policy: policy,
          schedule: null,
          escalation_level: 1,
          start: new Date(now - HOUR).toISOString(),
          end: new Date(now + 9 * 24 * HOUR).toISOString(),
        },
      ],
      limit: 100,
      offset: 0,
      more: false,
      total: null,
    });
  }
  if (path.startsWith('/gh/repos/acme/payments/issues')) {
    return json([
      {
        id: 1_000_042,
        number: 42,
        title: 'Replace the retired payment driver',
        state: 'open',
        html_url: 'https://github.com/acme/payments/issues/42',
        labels: [{ id: 1, name: 'tech-debt' }, { name: 'impact:high' }],
        assignee: null,
        assignees: [],
        milestone: null,
        created_at: '2026-01-05T09:00:00Z',
        updated_at: '2026-02-01T09:00:00Z',
      },
    ]);
  }
  if (path === '/docs/runbook.md') {
    const reviewed = new Date(now - 10 * 24 * HOUR).toISOString().slice(0, 10);
    return {
      type: 'text/markdown',
      body: `---\nlast_reviewed: ${reviewed}\n---\n# Payments runbook\n\nRestart the API.\n`,
    };
  }
  if (path === '/docs/debt.yaml') {
    return {
      type: 'application/yaml',
      body: 'items:\n  - id: D-1\n    title: Old ledger schema\n    impact: medium\n    effort: 3\n    created: 2026-10-01\n    status: open\n',
    };
  }
  if (/^\/ical\/feed-\d+\.ics$/.test(path)) {
    const stamp = (t: number) =>
      new Date(t).toISOString().replace(/[-:]/g, '').replace(/\.\d+/, '');
    return {
      type: 'text/calendar',
      body: [
        'BEGIN:VCALENDAR',
        'VERSION:2.0',
        'PRODID:-//Fault test//EN',
        'X-WR-CALNAME:Checkout on-call',
        'BEGIN:VEVENT',
        `UID:shift-${path}@example.com`,
        `DTSTAMP:${stamp(now)}`,
        `DTSTART:${stamp(now - 24 * HOUR)}`,
        `DTEND:${stamp(now + 10 * 24 * HOUR)}`,
        'SUMMARY:On call: Alice',
        'ATTENDEE;CN=Alice:mailto:alice@example.com',
        'END:VEVENT',
        'END:VCALENDAR',
        '',
      ].join('\r\n'),
    };
  }
  return null;
}

/** A real HTTP server whose answers follow `mode`. */
async function startUpstream() {
  const state = { mode: 'healthy' as Mode, requests: 0, github: 0 };
  const sockets = new Set<Socket>();
  const server = http.createServer((req, res) => {
    state.requests += 1;
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (path.startsWith('/gh/')) {
      state.github += 1;
    }
    const answer = healthyAnswer(path);
    if (!answer) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    if (state.mode === 'github-exhausted' && path.startsWith('/gh/')) {
      // GitHub's primary rate limit, used up for the next hour.
      res
        .writeHead(403, {
          'content-type': 'application/json',
          'x-ratelimit-limit': '5000',
          'x-ratelimit-remaining': '0',
          'x-ratelimit-reset': String(Math.ceil(Date.now() / 1000) + 3600),
        })
        .end('{"message":"API rate limit exceeded for installation ID 7."}');
      return;
    }
    switch (state.mode) {
      case 'github-exhausted':
      case 'healthy':
        res.writeHead(200, { 'content-type': answer.type }).end(answer.body);
        return;
      case '500':
        res
          .writeHead(500, { 'content-type': 'application/json' })
          .end('{"message":"Internal Server Error"}');
        return;
      case '429':
        res
          .writeHead(429, {
            'content-type': 'application/json',
            'retry-after': '1',
          })
          .end('{"message":"Too Many Requests"}');
        return;
      case 'slow':
        // Never answers: the client's timeout must end it.
        return;
      case 'reset':
        req.socket.destroy();
        return;
      default:
        throw new Error(`unknown mode ${state.mode}`);
    }
  });
  server.on('connection', socket => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    state,
    port,
    async close() {
      for (const socket of sockets) {
        socket.destroy();
      }
      await new Promise<void>(resolve => server.close(() => resolve()));
    },
  };
}

/** A root logger that keeps every line, so the test can read the breaker's state. */
function capturingLogger() {
  const lines: Array<{ level: string; message: string; meta?: object }> = [];
  const logger: LoggerService = {
    error: (message, meta) => lines.push({ level: 'error', message, meta }),
    warn: (message, meta) => lines.push({ level: 'warn', message, meta }),
    info: (message, meta) => lines.push({ level: 'info', message, meta }),
    debug: () => {},
    child: () => logger,
  };
  const factory = createServiceFactory({
    service: coreServices.rootLogger,
    deps: {},
    factory: () => logger as never,
  });
  return { lines, factory };
}

function catalog(port: number): Entity[] {
  const docs = `http://localhost:${port}/docs`;
  const component = (
    name: string,
    annotations: Record<string, string>,
    links: Entity['metadata']['links'] = [],
  ): Entity => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, annotations, links },
    spec: { type: 'service', lifecycle: 'production', owner: 'payments' },
  });
  return [
    {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { name: 'payments' },
      spec: { type: 'team', children: [], members: ['alice'] },
    },
    {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'User',
      metadata: { name: 'alice' },
      spec: {
        profile: { displayName: 'Alice', email: 'alice@example.com' },
        memberOf: ['payments'],
      },
    },
    component(
      'payments-api',
      {
        'pagerduty.com/service-id': 'PSVC1',
        'github.com/project-slug': 'acme/payments',
        'ownership-portal/tech-debt': `${docs}/debt.yaml`,
      },
      [{ url: `${docs}/runbook.md`, title: 'Runbook', type: 'runbook' }],
    ),
    ...Array.from({ length: FEEDS }, (_, i) =>
      component(`checkout-${i + 1}`, {
        'ownership-portal/oncall-ical': `http://localhost:${port}/ical/feed-${
          i + 1
        }.ics`,
      }),
    ),
  ];
}

/** Short timeouts, two attempts and a breaker that opens on the first failed call. */
function config(port: number) {
  const fast = {
    timeoutMs: 300,
    maxAttempts: 2,
    breakerThreshold: 1,
    halfOpenAfterMs: 60_000,
  };
  return {
    docs: fast,
    oncall: {
      cacheTtl: { milliseconds: 1 },
      pagerduty: {
        token: 'pd-token',
        baseUrl: `http://127.0.0.1:${port}/pd`,
        ...fast,
      },
      ical: { timeoutMs: 300 },
    },
    techdebt: {
      github: {
        host: `127.0.0.1:${port}`,
        cacheTtl: { milliseconds: 0 },
        ...fast,
      },
    },
  };
}

/** Rules whose findings claim something is gone, absent or broken. */
const DEFINITE = /\.(?:unreachable|missing|register-invalid)$|invalid/;

async function details(
  server: http.Server,
  name: string,
): Promise<ServiceDetails> {
  const res = await request(server).get(
    `/api/ownership/services/component/default/${name}`,
  );
  expect(res.status).toBe(200);
  return res.body;
}

async function definiteFindings(server: http.Server, names: string[]) {
  const found: string[] = [];
  for (const name of names) {
    const entity = await details(server, name);
    found.push(
      ...entity.findings
        .map((f: Finding) => f.ruleId)
        .filter(id => DEFINITE.test(id))
        .map(id => `${name}: ${id}`),
    );
  }
  return found.sort();
}

/** The ownership backend with every module, reading from the loopback server. */
function startFaultBackend(
  upstream: { port: number },
  logs: ReturnType<typeof capturingLogger>,
  entities: Entity[],
) {
  return startOwnershipBackend({
    entities,
    features: [pagerDutyModule, githubTechDebtModule, icalModule, logs.factory],
    config: config(upstream.port),
    root: {
      backend: {
        reading: { allow: [{ host: `localhost:${upstream.port}` }] },
      },
      integrations: {
        github: [
          {
            host: `127.0.0.1:${upstream.port}`,
            apiBaseUrl: `http://127.0.0.1:${upstream.port}/gh`,
            token: 'ghp-fault-test',
          },
        ],
      },
    },
  });
}

describe.each<[Mode, RegExp]>([
  ['500', /500/],
  ['429', /429/],
  ['slow', /did not answer within 300 ms|circuit breaker|aborted/i],
  ['reset', /fetch failed|socket|ECONNRESET|terminated|circuit breaker/i],
])('when every dependency answers %s', (mode, reasonPattern) => {
  it('completes the audit, raises no new definite finding, marks stale answers and logs the breakers', async () => {
    const upstream = await startUpstream();
    const logs = capturingLogger();
    try {
      const entities = catalog(upstream.port);
      const names = entities
        .filter(e => e.kind === 'Component')
        .map(e => e.metadata.name);
      const backend = await startFaultBackend(upstream, logs, entities);

      const healthy = await backend.audit();
      expect(healthy.status).toBe('succeeded');
      const before = await definiteFindings(backend.server, names);
      const api = await details(backend.server, 'payments-api');
      expect(api.runbooks).toMatchObject([
        { status: 'ok', freshness: 'fresh' },
      ]);
      expect(api.runbooks![0].staleRead).toBeUndefined();
      expect(api.techDebt?.items.map(i => i.source).sort()).toEqual([
        'github',
        'register',
      ]);
      expect(api.oncall).toMatchObject({ status: 'ok', stale: false });

      upstream.state.mode = mode;
      const started = Date.now();
      const faulty = await backend.audit();
      expect(faulty.status).toBe('succeeded');
      expect(Date.now() - started).toBeLessThan(20_000);

      // No finding that says something is gone, absent or broken appears.
      expect(await definiteFindings(backend.server, names)).toEqual(before);

      // Each stale answer says so, with the reason.
      const after = await details(backend.server, 'payments-api');
      expect(after.runbooks).toMatchObject([
        {
          status: 'ok',
          freshness: 'fresh',
          staleRead: { reason: expect.stringMatching(reasonPattern) },
        },
      ]);
      expect(after.techDebt?.items.map(i => i.source).sort()).toEqual([
        'github',
        'register',
      ]);
      expect(after.techDebt?.problems).toEqual([]);
      expect(
        after.techDebt?.reads?.map(r => `${r.source}:${r.status}`).sort(),
      ).toEqual(['github:stale', 'register:stale']);
      const failed = new RegExp(`${reasonPattern.source}|circuit breaker`, 'i');
      expect(after.oncall).toMatchObject({ status: 'ok', stale: true });
      expect(after.oncall?.reason).toMatch(failed);
      for (const read of after.techDebt?.reads ?? []) {
        expect(read.reason).toMatch(failed);
        expect(Date.parse(read.readAt!)).toBeLessThan(started);
      }
      for (let i = 1; i <= FEEDS; i++) {
        const checkout = await details(backend.server, `checkout-${i}`);
        expect(checkout.oncall).toMatchObject({ status: 'ok', stale: true });
      }

      // Every remote system's breaker opened, and the logs say so.
      const opened = logs.lines
        .filter(l => (l.meta as { breaker?: string })?.breaker === 'open')
        .map(l => (l.meta as { remote: string }).remote);
      expect(opened).toEqual(
        expect.arrayContaining([
          'PagerDuty',
          'GitHub',
          `Documents at localhost:${upstream.port}`,
          `iCalendar feed host localhost:${upstream.port}`,
        ]),
      );
    } finally {
      await upstream.close();
    }
  });
});

describe("when GitHub's rate limit is used up for an hour", () => {
  it('keeps the previous issues, marked stale, and asks GitHub no more', async () => {
    const upstream = await startUpstream();
    const logs = capturingLogger();
    try {
      const entities = catalog(upstream.port);
      const backend = await startFaultBackend(upstream, logs, entities);
      const names = entities
        .filter(e => e.kind === 'Component')
        .map(e => e.metadata.name);
      await backend.audit();
      const before = await definiteFindings(backend.server, names);

      upstream.state.mode = 'github-exhausted';
      expect((await backend.audit()).status).toBe('succeeded');
      const githubCalls = upstream.state.github;
      expect((await backend.audit()).status).toBe('succeeded');

      expect(await definiteFindings(backend.server, names)).toEqual(before);
      const api = await details(backend.server, 'payments-api');
      expect(api.techDebt?.items.map(i => i.id)).toContain('#42');
      expect(api.techDebt?.problems).toEqual([]);
      expect(api.techDebt?.reads).toEqual([
        {
          source: 'github',
          status: 'stale',
          reason: expect.stringMatching(/GitHub rate limit/),
          readAt: expect.any(String),
        },
      ]);
      // Documents and on-call still answer: nothing else is stale.
      expect(api.runbooks![0].staleRead).toBeUndefined();
      expect(api.oncall).toMatchObject({ stale: false });
      // The third audit did not ask GitHub: calls pause until the reset.
      expect(upstream.state.github).toBe(githubCalls);
      expect(
        logs.lines.some(l =>
          /GitHub rate limit of .* is used up until/.test(l.message),
        ),
      ).toBe(true);
    } finally {
      await upstream.close();
    }
  });
});
