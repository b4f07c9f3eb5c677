import type {
  AuditRun,
  LookupMatch,
  OnCallAnswer,
  OwnershipOverview,
  Page,
  ServiceDetails,
  ServiceSummary,
  SummaryResponse,
  TeamDetails,
  TrendPoint,
} from '@ownership-portal/plugin-ownership-common';
import { type OwnershipApi, ownershipApiRef } from '../api';

/** When the latest run of the fixtures finished. */
const GENERATED_AT = '2026-11-28T10:00:00.000Z';
/** The id of the latest run of the fixtures. */
const RUN_ID = 42;

/** An overview with the given entity counts per kind; the total is derived. */
export function overviewOf(
  counts: Record<string, number>,
  lifecycles: Record<string, number>,
): OwnershipOverview {
  const kinds = Object.entries(counts).map(([kind, count]) => ({
    kind,
    count,
  }));
  return {
    scopeKinds: kinds.map(k => k.kind),
    kinds,
    total: kinds.reduce((sum, k) => sum + k.count, 0),
    lifecycles,
    generatedAt: GENERATED_AT,
  };
}

const API_METHODS: ReadonlyArray<keyof OwnershipApi> = [
  'getOverview',
  'listRules',
  'getSummary',
  'listServices',
  'getService',
  'listFindings',
  'getExportUrl',
  'exportCsv',
  'listTeams',
  'getTeam',
  'getOnCall',
  'lookup',
  'getDocument',
  'getLatestRun',
  'listRuns',
  'startRun',
  'listCampaigns',
  'createCampaign',
  'getCampaign',
  'closeCampaign',
  'listCampaignItems',
  'attest',
  'listAttestations',
  'listPendingAttestations',
  'getCampaignCsvUrl',
  'getCampaignEvidenceUrl',
];

/**
 * An {@link OwnershipApi} made of the given methods; every other method
 * rejects with `<method> was not expected in this test`, so a component that
 * calls more than the test prepared for fails visibly.
 *
 * @example
 * ```ts
 * const api = fakeOwnershipApi({ getService: async () => serviceDetails('payments-api') });
 * await renderInTestApp(<Card />, { apis: [[ownershipApiRef, api]] });
 * ```
 */
export function fakeOwnershipApi(
  overrides: Partial<OwnershipApi> = {},
): OwnershipApi {
  const api: Record<string, unknown> = {};
  for (const method of API_METHODS) {
    api[method] =
      overrides[method] ??
      (() =>
        Promise.reject(new Error(`${method} was not expected in this test`)));
  }
  return api as unknown as OwnershipApi;
}

/**
 * A test API pair for `ownershipApiRef` that serves the given overview and no
 * rules; other methods reject (see {@link fakeOwnershipApi}).
 */
export function ownershipApiWith(
  getOverview: OwnershipApi['getOverview'] | OwnershipOverview,
) {
  const impl = fakeOwnershipApi({
    getOverview:
      typeof getOverview === 'function' ? getOverview : async () => getOverview,
    listRules: async () => ({ items: [] }),
  });
  return [ownershipApiRef, impl] as const;
}

/** `Payments API` from `payments-api`. */
function titleOf(name: string): string {
  return name
    .split(/[-_.]/)
    .filter(Boolean)
    .map(word =>
      word === 'api' ? 'API' : word.charAt(0).toUpperCase() + word.slice(1),
    )
    .join(' ');
}

/** The name of a ref or a name: `payments-api` of `component:default/payments-api`. */
function nameOf(nameOrRef: string): string {
  return nameOrRef.slice(nameOrRef.lastIndexOf('/') + 1).replace(/^.*:/, '');
}

/** A full ref from a name or a ref. */
function refOf(nameOrRef: string, kind: string): string {
  if (nameOrRef.includes(':')) {
    return nameOrRef;
  }
  return nameOrRef.includes('/')
    ? `${kind}:${nameOrRef}`
    : `${kind}:default/${nameOrRef}`;
}

/**
 * A healthy on-call answer of the static provider: Alice Ng on call now,
 * Bob Stone next, two escalation levels.
 */
export function onCallAnswer(
  overrides: Partial<OnCallAnswer> = {},
): OnCallAnswer {
  const answer: OnCallAnswer = {
    source: 'static',
    matchedBy: 'team',
    scheduleName: 'Payments primary',
    status: 'ok',
    onCallNow: [
      {
        user: {
          entityRef: 'user:default/alice.ng',
          name: 'Alice Ng',
          email: 'alice.ng@example.com',
        },
        level: 1,
        until: '2026-12-01T09:00:00.000Z',
      },
      {
        user: {
          entityRef: 'user:default/carol.diaz',
          name: 'Carol Diaz',
          email: 'carol.diaz@example.com',
        },
        level: 2,
      },
    ],
    next: [
      {
        user: {
          entityRef: 'user:default/bob.stone',
          name: 'Bob Stone',
          email: 'bob.stone@example.com',
        },
        from: '2026-12-01T09:00:00.000Z',
        to: '2026-12-08T09:00:00.000Z',
      },
    ],
    escalation: [
      {
        level: 1,
        after: 'PT0M',
        targets: [
          {
            type: 'rotation',
            ref: 'payments-primary',
            name: 'Payments primary',
          },
        ],
      },
      {
        level: 2,
        after: 'PT15M',
        targets: [
          {
            type: 'user',
            ref: 'user:default/carol.diaz',
            name: 'Carol Diaz',
          },
        ],
      },
    ],
    checkedAt: GENERATED_AT,
    stale: false,
  };
  return { ...answer, ...overrides };
}

/**
 * An audited service as `GET /services` lists it: a production Component
 * owned by `group:default/payments`, level 2, one `runbook.stale` warning.
 * `name` may be a name or a full ref.
 */
export function serviceSummary(
  name: string,
  overrides: Partial<ServiceSummary> = {},
): ServiceSummary {
  const entityRef = refOf(name, 'component');
  const summary: ServiceSummary = {
    entityRef,
    kind: 'Component',
    type: 'service',
    title: titleOf(nameOf(name)),
    lifecycle: 'production',
    system: 'system:default/payments',
    owner: {
      entityRef: 'group:default/payments',
      status: 'ok',
      title: 'Payments',
      raw: 'payments',
    },
    score: 86,
    level: 2,
    findings: [
      {
        ruleId: 'runbook.stale',
        severity: 'warning',
        message: `${entityRef}: runbook "On-call runbook" was last reviewed on 2026-03-02, 271 days ago (threshold 180 days)`,
        remediation: `Review https://docs.example.com/runbooks/${nameOf(
          name,
        )}.md and update its "reviewed:" front matter.`,
      },
    ],
  };
  return { ...summary, ...overrides };
}

/**
 * An audited service in full as `GET /services/{kind}/{namespace}/{name}`
 * answers: owner with members and contacts, a fresh and a stale runbook,
 * two ADRs (one superseded), technical debt with an overdue item, who is on
 * call (see {@link onCallAnswer}), a dependency, a dependent and three runs of
 * history. `name` may be a name or a full ref.
 */
export function serviceDetails(
  name: string,
  overrides: Partial<ServiceDetails> = {},
): ServiceDetails {
  const summary = serviceSummary(name);
  const short = nameOf(name);
  const details: ServiceDetails = {
    ...summary,
    findings: [
      ...summary.findings,
      {
        ruleId: 'techdebt.overdue',
        severity: 'warning',
        message: `${summary.entityRef} has 1 overdue technical debt item: TD-12 "Retry refunds idempotently" (due 2026-09-30)`,
        remediation: `Resolve TD-12 or agree a new due date in the debt register of ${summary.entityRef}.`,
      },
    ],
    owner: {
      entityRef: 'group:default/payments',
      status: 'ok',
      title: 'Payments',
      raw: 'payments',
      kind: 'Group',
      members: [
        {
          entityRef: 'user:default/alice.ng',
          title: 'Alice Ng',
          email: 'alice.ng@example.com',
        },
        {
          entityRef: 'user:default/bob.stone',
          title: 'Bob Stone',
          email: 'bob.stone@example.com',
          via: 'group:default/payments-platform',
        },
      ],
      contacts: [
        {
          type: 'email',
          label: 'payments@example.com',
          url: 'mailto:payments@example.com',
        },
        {
          type: 'chat',
          label: '#payments',
          url: 'https://chat.example.com/channels/payments',
        },
      ],
      parents: ['group:default/commerce'],
    },
    oncall: onCallAnswer(),
    runbooks: [
      {
        title: 'On-call runbook',
        url: `https://docs.example.com/runbooks/${short}.md`,
        source: 'service-link',
        reviewedAt: '2026-03-02',
        reviewedFrom: 'front-matter',
        freshness: 'stale',
        status: 'ok',
      },
      {
        title: 'Payments incident handbook',
        url: 'https://docs.example.com/runbooks/payments-incidents.md',
        source: 'team-link',
        reviewedAt: '2026-10-14T08:12:00.000Z',
        reviewedFrom: 'last-modified',
        freshness: 'fresh',
        status: 'ok',
      },
    ],
    adrs: [
      {
        title: 'Use PostgreSQL for the ledger',
        status: 'accepted',
        date: '2026-02-10',
        deciders: ['alice.ng', 'bob.stone'],
        url: `https://github.com/example/${short}/blob/main/docs/adr/0002-use-postgresql.md`,
        file: '0002-use-postgresql.md',
        supersedes: ['0001-use-mongodb.md'],
      },
      {
        title: 'Use MongoDB for the ledger',
        status: 'superseded',
        date: '2025-06-03',
        url: `https://github.com/example/${short}/blob/main/docs/adr/0001-use-mongodb.md`,
        file: '0001-use-mongodb.md',
        supersededBy: '0002-use-postgresql.md',
      },
    ],
    techDebt: {
      items: [
        {
          id: 'TD-12',
          title: 'Retry refunds idempotently',
          impact: 'high',
          effort: 3,
          created: '2026-05-04',
          due: '2026-09-30',
          status: 'open',
          issue: `https://github.com/example/${short}/issues/118`,
          owner: 'user:default/alice.ng',
          source: 'register',
        },
        {
          id: 'TD-15',
          title: 'Drop the legacy card tokeniser',
          impact: 'medium',
          effort: 5,
          created: '2026-08-21',
          status: 'in-progress',
          source: 'register',
        },
        {
          id: 'TD-9',
          title: 'Upgrade to Node 22',
          impact: 'low',
          effort: 1,
          created: '2026-01-15',
          status: 'done',
          source: 'github',
        },
      ],
      openCount: 2,
      overdueCount: 1,
      effortDays: 8,
      problems: [],
    },
    description: `${titleOf(short)} of the payments platform.`,
    tags: ['payments', 'java'],
    dependencies: [
      {
        entityRef: 'resource:default/payments-db',
        title: 'Payments DB',
        kind: 'Resource',
        relation: 'dependsOn',
        owner: {
          entityRef: 'group:default/payments',
          status: 'ok',
          title: 'Payments',
          raw: 'payments',
        },
      },
    ],
    dependents: [
      {
        entityRef: 'component:default/checkout-web',
        title: 'Checkout Web',
        kind: 'Component',
        relation: 'dependsOn',
        owner: {
          entityRef: 'group:default/checkout',
          status: 'ok',
          title: 'Checkout',
          raw: 'group:checkout',
        },
      },
    ],
    history: [
      {
        runId: RUN_ID - 2,
        finishedAt: '2026-11-26T10:00:00.000Z',
        score: 64,
        level: 1,
        findingCount: 3,
      },
      {
        runId: RUN_ID - 1,
        finishedAt: '2026-11-27T10:00:00.000Z',
        score: 79,
        level: 2,
        findingCount: 2,
      },
      {
        runId: RUN_ID,
        finishedAt: GENERATED_AT,
        score: 86,
        level: 2,
        findingCount: 2,
      },
    ],
    runId: RUN_ID,
    generatedAt: GENERATED_AT,
  };
  return { ...details, ...overrides };
}

/**
 * A team in full as `GET /teams/{kind}/{namespace}/{name}` answers: two
 * members (one through the sub-group `<name>-platform`), contacts, who is
 * on call, two services (`payments-api` of its own, `payments-worker` of the
 * sub-group, without a runbook), their findings and a reading list from the
 * runbooks and ADRs of `payments-api`. `name` may be a name or a full ref.
 */
export function teamDetails(
  name: string,
  overrides: Partial<TeamDetails> = {},
): TeamDetails {
  const entityRef = refOf(name, 'group');
  const short = nameOf(name);
  const owner = {
    entityRef,
    status: 'ok' as const,
    title: titleOf(short),
    raw: short,
  };
  const api = serviceSummary('payments-api', { owner });
  const worker = serviceSummary('payments-worker', {
    owner: {
      entityRef: `group:default/${short}-platform`,
      status: 'ok',
      title: `${titleOf(short)} Platform`,
      raw: `${short}-platform`,
    },
    score: 52,
    level: 1,
    findings: [
      {
        ruleId: 'runbook.missing',
        severity: 'error',
        message:
          'component:default/payments-worker is in production but has no runbook',
        remediation:
          'Add a link with "type: runbook" to metadata.links in the catalog-info.yaml of component:default/payments-worker.',
      },
    ],
  });
  const services = [api, worker];
  const findingRecords = services.flatMap(service =>
    service.findings.map(finding => ({
      ...finding,
      entityRef: service.entityRef,
      kind: service.kind,
      title: service.title,
      lifecycle: service.lifecycle,
      ownerRef: service.owner.entityRef,
    })),
  );
  const apiDetails = serviceDetails('payments-api');
  const details: TeamDetails = {
    entityRef,
    title: titleOf(short),
    parent: 'group:default/commerce',
    serviceCount: 2,
    directServiceCount: 1,
    findings: { error: 1, warning: 1, info: 0 },
    levels: [0, 1, 1, 0, 0],
    score: 69,
    memberCount: 2,
    members: [
      {
        entityRef: 'user:default/alice.ng',
        title: 'Alice Ng',
        email: 'alice.ng@example.com',
      },
      {
        entityRef: 'user:default/bob.stone',
        title: 'Bob Stone',
        email: 'bob.stone@example.com',
        via: `group:default/${short}-platform`,
      },
    ],
    contacts: [
      {
        type: 'email',
        label: `${short}@example.com`,
        url: `mailto:${short}@example.com`,
      },
      {
        type: 'chat',
        label: `#${short}`,
        url: `https://chat.example.com/channels/${short}`,
      },
    ],
    subGroups: [`group:default/${short}-platform`],
    readingList: {
      runbooks: (apiDetails.runbooks ?? []).map(runbook => ({
        ...runbook,
        entityRef: api.entityRef,
        entityRefs: [api.entityRef],
      })),
      adrs: (apiDetails.adrs ?? []).map(adr => ({
        ...adr,
        entityRef: api.entityRef,
        entityRefs: [api.entityRef],
      })),
    },
    oncall: onCallAnswer(),
    services,
    findingRecords,
    runId: RUN_ID,
    generatedAt: GENERATED_AT,
  };
  return { ...details, ...overrides };
}

/**
 * `GET /summary` of a run of 40 services with a trend of four runs, the
 * share of valid owners rising from 70 % to 90 %.
 */
export function summaryResponse(
  overrides: Partial<SummaryResponse> = {},
): SummaryResponse {
  const trend: TrendPoint[] = [
    { services: 37, validOwner: 26, error: 14, warning: 21, score: 58 },
    { services: 38, validOwner: 30, error: 11, warning: 19, score: 64 },
    { services: 40, validOwner: 33, error: 8, warning: 18, score: 71 },
    { services: 40, validOwner: 36, error: 5, warning: 15, score: 78 },
  ].map(({ services, validOwner, error, warning, score }, index, all) => ({
    runId: RUN_ID - (all.length - 1 - index),
    finishedAt: `2026-11-${25 + index}T10:00:00.000Z`,
    validOwnerShare: validOwner / services,
    services,
    validOwner,
    byRule: {
      'owner.missing': services - validOwner - 1,
      'owner.unresolved': 1,
      'runbook.missing': error - (services - validOwner),
      'runbook.stale': warning - 6,
      'adr.missing': 6,
      'techdebt.untriaged': 6,
    },
    entitiesByRule: {
      'owner.missing': services - validOwner - 1,
      'owner.unresolved': 1,
      'runbook.missing': error - (services - validOwner),
      'runbook.stale': warning - 6,
      'adr.missing': 6,
      'techdebt.untriaged': 4,
    },
    findings: { error, warning, info: 6 },
    levels: [
      services - validOwner,
      8,
      validOwner - 20,
      9,
      3,
    ] as TrendPoint['levels'],
    averageScore: score,
  }));
  const latest = trend[trend.length - 1];
  const { runId, finishedAt, validOwnerShare, ...figures } = latest;
  const summary: SummaryResponse = {
    runId,
    generatedAt: finishedAt,
    figures,
    validOwnerShare,
    ruleShares: Object.fromEntries(
      Object.entries(figures.entitiesByRule).map(([ruleId, count]) => [
        ruleId,
        count / figures.services,
      ]),
    ),
    trend,
  };
  return { ...summary, ...overrides };
}

/**
 * A match of `GET /lookup`: a production service owned by Payments, with
 * the owner's contacts and who is on call. `name` may be a name or a full ref.
 */
export function lookupMatch(
  name: string,
  overrides: Partial<LookupMatch> = {},
): LookupMatch {
  const match: LookupMatch = {
    entityRef: refOf(name, 'component'),
    kind: 'Component',
    type: 'service',
    title: titleOf(nameOf(name)),
    system: 'system:default/payments',
    lifecycle: 'production',
    owner: {
      entityRef: 'group:default/payments',
      status: 'ok',
      title: 'Payments',
      raw: 'payments',
      contacts: [
        {
          type: 'email',
          label: 'payments@example.com',
          url: 'mailto:payments@example.com',
        },
        {
          type: 'chat',
          label: '#payments',
          url: 'https://chat.example.com/channels/payments',
        },
      ],
    },
    oncall: onCallAnswer(),
    topRunbook: {
      title: 'Payments incident response',
      url: 'https://docs.example.com/runbooks/payments.md',
      source: 'service-link',
      reviewedAt: '2026-10-01',
      reviewedFrom: 'front-matter',
      freshness: 'fresh',
      status: 'ok',
    },
    rank: 100,
    matchedOn: ['name'],
  };
  return { ...match, ...overrides };
}

/** A scheduled run that succeeded after auditing 40 entities. */
export function auditRun(overrides: Partial<AuditRun> = {}): AuditRun {
  return {
    id: RUN_ID,
    status: 'succeeded',
    trigger: 'schedule',
    startedAt: '2026-11-28T09:59:12.000Z',
    finishedAt: GENERATED_AT,
    processed: 40,
    total: 40,
    ...overrides,
  };
}

/** A page of the given items, the last one (no `nextCursor`) of the latest run. */
export function page<T>(items: T[], overrides: Partial<Page<T>> = {}): Page<T> {
  return {
    items,
    totalItems: items.length,
    runId: RUN_ID,
    generatedAt: GENERATED_AT,
    ...overrides,
  };
}
