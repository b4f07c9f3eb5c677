import type { Entity } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import type {
  OnCallAnswer,
  ServiceDetails,
} from '@ownership-portal/plugin-ownership-common';
import { type OwnershipApi, ownershipApiRef } from '../../../api';
import { fakeOwnershipApi } from '../../../testing/fixtures';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** An ISO time `ms` from now (negative: in the past). */
export function fromNow(ms: number): string {
  return new Date(Date.now() + ms).toISOString();
}

/** An ISO date (no time) `days` from today. */
function dateFromNow(days: number): string {
  return fromNow(days * DAY).slice(0, 10);
}

export { HOUR };

/** A catalog entity as the entity page provides it. */
export function entityOf(
  kind: string,
  name: string,
  spec: Record<string, unknown> = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: { name, namespace: 'default' },
    spec: { owner: 'group:default/payments', lifecycle: 'production', ...spec },
  };
}

export const paymentsApiEntity = entityOf('Component', 'payments-api', {
  type: 'service',
  system: 'payments',
});

/** A weekly PagerDuty rotation with someone on call at two levels. */
export function healthyOnCall(): OnCallAnswer {
  return {
    source: 'pagerduty',
    matchedBy: 'service-annotation',
    scheduleName: 'Payments primary',
    scheduleUrl: 'https://acme.pagerduty.example/schedules/P1',
    status: 'ok',
    onCallNow: [
      {
        level: 2,
        user: {
          name: 'Priya Natarajan',
          email: 'priya@acme.example',
          entityRef: 'user:default/priya.natarajan',
        },
        until: fromNow(5 * DAY),
      },
      {
        level: 1,
        user: {
          name: 'Ada Lovelace',
          email: 'ada@acme.example',
          entityRef: 'user:default/ada.lovelace',
        },
        until: fromNow(3 * HOUR),
      },
    ],
    next: [
      {
        user: { name: 'Grace Hopper', email: 'grace@acme.example' },
        from: fromNow(3 * HOUR),
        to: fromNow(7 * DAY + 3 * HOUR),
      },
    ],
    escalation: [
      {
        level: 1,
        after: 'PT0S',
        targets: [{ type: 'schedule', ref: 'P1', name: 'Payments primary' }],
      },
      {
        level: 2,
        after: 'PT15M',
        targets: [
          {
            type: 'user',
            ref: 'user:default/priya.natarajan',
            name: 'Priya Natarajan',
          },
        ],
      },
    ],
    checkedAt: fromNow(-30_000),
    stale: false,
  };
}

/** A well-kept production service: level 4, fresh runbooks, ADRs, some debt. */
export function wellKeptService(): ServiceDetails {
  return {
    entityRef: 'component:default/payments-api',
    kind: 'Component',
    type: 'service',
    title: 'payments-api',
    lifecycle: 'production',
    system: 'system:default/payments',
    score: 96,
    level: 4,
    owner: {
      entityRef: 'group:default/payments',
      status: 'ok',
      title: 'Payments Team',
      raw: 'group:default/payments',
      kind: 'Group',
      members: [
        { entityRef: 'user:default/ada.lovelace', title: 'Ada Lovelace' },
        { entityRef: 'user:default/priya.natarajan', title: 'Priya Natarajan' },
        { entityRef: 'user:default/grace.hopper', title: 'Grace Hopper' },
      ],
      contacts: [
        {
          type: 'email',
          label: 'payments@acme.example',
          url: 'mailto:payments@acme.example',
        },
        {
          type: 'chat',
          label: '#payments-oncall',
          url: 'https://acme.slack.example/channels/payments-oncall',
        },
      ],
      parents: ['group:default/commerce'],
    },
    oncall: healthyOnCall(),
    runbooks: [
      {
        title: 'Payments API incident runbook',
        url: 'https://github.example/acme/payments-api/blob/main/docs/runbooks/incidents.md',
        source: 'annotation',
        reviewedAt: fromNow(-20 * DAY),
        reviewedFrom: 'front-matter',
        freshness: 'fresh',
        status: 'ok',
      },
      {
        title: 'Refund backlog',
        url: 'https://github.example/acme/payments-api/blob/main/docs/runbooks/refunds.md',
        source: 'service-link',
        reviewedAt: fromNow(-240 * DAY),
        reviewedFrom: 'last-modified',
        freshness: 'stale',
        status: 'ok',
      },
      {
        title: 'Card network outage',
        url: 'https://wiki.acme.example/payments/card-outage',
        source: 'team-link',
        freshness: 'unknown',
        status: 'unreachable',
        reason: '404 Not Found',
      },
    ],
    adrs: [
      {
        title: 'Use PostgreSQL for the ledger',
        status: 'accepted',
        date: '2025-03-14',
        url: 'https://github.example/acme/payments-api/blob/main/docs/adr/0001-use-postgresql.md',
        file: '0001-use-postgresql.md',
      },
      {
        title: 'Idempotency keys on every write',
        status: 'accepted',
        date: '2025-06-02',
        url: 'https://github.example/acme/payments-api/blob/main/docs/adr/0003-idempotency-keys.md',
        file: '0003-idempotency-keys.md',
      },
      {
        title: 'Retry card captures with a queue',
        status: 'superseded',
        date: '2025-04-20',
        url: 'https://github.example/acme/payments-api/blob/main/docs/adr/0002-retry-queue.md',
        file: '0002-retry-queue.md',
        supersededBy: '0004-outbox.md',
      },
      {
        title: 'Transactional outbox for captures',
        status: 'proposed',
        date: '2025-11-10',
        url: 'https://github.example/acme/payments-api/blob/main/docs/adr/0004-outbox.md',
        file: '0004-outbox.md',
        supersedes: ['0002-retry-queue.md'],
      },
    ],
    techDebt: {
      items: [
        {
          id: 'TD-12',
          title: 'Remove the legacy SOAP adapter',
          impact: 'high',
          effort: 5,
          created: dateFromNow(-120),
          due: dateFromNow(-10),
          status: 'open',
          issue: 'https://github.com/acme/payments-api/issues/412',
          source: 'register',
        },
        {
          id: 'TD-15',
          title: 'Upgrade to Node 24',
          impact: 'medium',
          effort: 2,
          created: dateFromNow(-30),
          due: dateFromNow(60),
          status: 'in-progress',
          source: 'register',
        },
        {
          id: 'TD-3',
          title: 'Drop the unused currency table',
          impact: 'low',
          created: dateFromNow(-400),
          status: 'done',
          source: 'register',
        },
      ],
      openCount: 2,
      overdueCount: 1,
      effortDays: 7,
      problems: [],
    },
    findings: [
      {
        ruleId: 'runbook.stale',
        severity: 'warning',
        message:
          'component:default/payments-api: runbook "Refund backlog" was last reviewed 240 days ago',
        remediation:
          'Review the runbook and set `reviewed:` in its front matter.',
      },
      {
        ruleId: 'runbook.unreachable',
        severity: 'error',
        message:
          'component:default/payments-api: runbook "Card network outage" is unreachable (404)',
        remediation: 'Fix or remove the link in the team’s metadata.links.',
      },
    ],
    tags: ['typescript'],
    dependencies: [],
    dependents: [],
    history: [
      {
        runId: 7,
        finishedAt: '2026-10-24T06:00:00.000Z',
        score: 40,
        level: 1,
        findingCount: 6,
      },
      {
        runId: 8,
        finishedAt: '2026-10-31T06:00:00.000Z',
        score: 62,
        level: 2,
        findingCount: 4,
      },
      {
        runId: 9,
        finishedAt: '2026-11-07T06:00:00.000Z',
        score: 55,
        level: 2,
        findingCount: 5,
      },
      {
        runId: 10,
        finishedAt: '2026-11-14T06:00:00.000Z',
        score: 81,
        level: 3,
        findingCount: 3,
      },
      {
        runId: 11,
        finishedAt: '2026-11-28T06:00:00.000Z',
        score: 96,
        level: 4,
        findingCount: 2,
      },
    ],
    runId: 11,
    generatedAt: '2026-11-28T06:00:00.000Z',
  };
}

/** The well-kept service with changes. */
export function serviceWith(changes: Partial<ServiceDetails>): ServiceDetails {
  return { ...wellKeptService(), ...changes };
}

/** A 404 as the client throws it for an entity outside the latest run. */
export async function notFoundError(entityRef: string) {
  const body = JSON.stringify({
    error: {
      name: 'NotFoundError',
      message: `${entityRef} is not in the latest ownership audit (run 11); check the ref, and that its kind is in ownership.scope.kinds`,
    },
    response: { statusCode: 404 },
  });
  return ResponseError.fromResponse({
    ok: false,
    status: 404,
    statusText: 'Not Found',
    url: `http://localhost:7007/api/ownership/services/${entityRef}`,
    redirected: false,
    type: 'basic',
    headers: {
      get: (name: string) =>
        name.toLowerCase() === 'content-type' ? 'application/json' : null,
    },
    text: async () => body,
  } as unknown as Parameters<typeof ResponseError.fromResponse>[0]);
}

/**
 * A test API pair for `ownershipApiRef` whose `getService` is the given
 * function or value; every other method rejects, as in `fakeOwnershipApi`.
 */
export function ownershipApiWith(
  getService: OwnershipApi['getService'] | ServiceDetails,
) {
  return [
    ownershipApiRef,
    fakeOwnershipApi({
      getService:
        typeof getService === 'function' ? getService : async () => getService,
    }),
  ] as const;
}
