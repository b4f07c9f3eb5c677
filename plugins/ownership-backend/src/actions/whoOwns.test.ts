import { mockCredentials } from '@backstage/backend-test-utils';
import { actionsRegistryServiceMock } from '@backstage/backend-test-utils/alpha';
import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import type {
  LookupMatch,
  LookupResponse,
  MemberSummary,
  ServiceDetails,
} from '@ownership-portal/plugin-ownership-common';
import type { CampaignService } from '../services/campaigns/CampaignService';
import type { LookupService } from '../services/lookup/LookupService';
import type { CatalogVisibility } from '../services/query/CatalogVisibility';
import type { ServiceQueries } from '../services/query/ServiceQueries';
import { registerOwnershipActions } from '.';

const RUN = { runId: 42, generatedAt: '2025-06-01T06:00:00.000Z' };

function details(
  ref: string,
  overrides: Partial<ServiceDetails> = {},
): ServiceDetails {
  const name = ref.slice(ref.indexOf('/') + 1);
  return {
    entityRef: ref,
    kind: ref.startsWith('api:') ? 'API' : 'Component',
    type: 'service',
    title: name,
    lifecycle: 'production',
    system: 'system:default/payments',
    tags: ['java'],
    owner: {
      entityRef: 'group:default/payments-team',
      status: 'ok',
      title: 'Payments Team',
      raw: 'payments-team',
      kind: 'Group',
      members: [
        {
          entityRef: 'user:default/alice',
          title: 'Alice Example',
          email: 'alice@example.com',
        },
        {
          entityRef: 'user:default/bob',
          title: 'Bob Example',
          via: 'group:default/payments-oncall',
        },
      ],
      contacts: [
        {
          type: 'chat',
          label: '#payments-oncall',
          url: 'https://chat.example.com/payments-oncall',
        },
        {
          type: 'email',
          label: 'payments@example.com',
          url: 'mailto:payments@example.com',
        },
      ],
      parents: ['group:default/finance'],
    },
    score: 80,
    level: 2,
    findings: [
      {
        ruleId: 'runbook.stale',
        severity: 'warning',
        message: `${ref} has a runbook last updated 400 days ago`,
        remediation: 'Review the runbook and update it',
      },
    ],
    dependencies: [],
    dependents: [],
    history: [],
    ...RUN,
    ...overrides,
  };
}

function match(
  service: ServiceDetails,
  rank: number,
  matchedOn: LookupMatch['matchedOn'] = ['name'],
): LookupMatch {
  return {
    entityRef: service.entityRef,
    kind: service.kind,
    type: service.type,
    title: service.title,
    system: service.system,
    lifecycle: service.lifecycle,
    owner: {
      entityRef: service.owner.entityRef,
      status: service.owner.status,
      title: service.owner.title,
      raw: service.owner.raw,
      contacts: service.owner.contacts,
    },
    rank,
    matchedOn,
  };
}

const paymentsApi = details('component:default/payments-api', {
  title: 'Payments API',
  description: 'Takes card payments',
});
const paymentsApiSpec = details('api:default/payments-api', {
  title: 'Payments API (OpenAPI)',
});
const paymentsWorker = details('component:default/payments-worker');
const paymentsLegacy = details('component:default/payments-legacy', {
  owner: {
    status: 'missing',
    members: [],
    contacts: [],
    parents: [],
  },
  suggestedOwner: {
    entityRef: 'group:default/payments-team',
    title: 'Payments Team',
    source: 'system',
    via: 'system:default/payments',
  },
  findings: [
    {
      ruleId: 'owner.missing',
      severity: 'error',
      message: 'component:default/payments-legacy has no spec.owner',
      remediation: 'Set spec.owner to the team that runs it',
    },
  ],
  score: 0,
  level: 0,
});
const secretLedger = details('component:default/payments-secret-ledger', {
  owner: {
    entityRef: 'group:default/treasury',
    status: 'ok',
    title: 'Treasury',
    kind: 'Group',
    members: [{ entityRef: 'user:default/carol' }],
    contacts: [],
    parents: [],
  },
});

function setup(
  options: {
    /** Everything in the latest run. */
    services?: ServiceDetails[];
    /** What the lookup answers, by query. */
    lookup?: Record<string, LookupMatch[]>;
    /** Refs the caller may not read. */
    hidden?: string[];
    /** Whether the lookup has an index, i.e. a run has completed. */
    indexed?: boolean;
  } = {},
) {
  const all = new Map(
    (
      options.services ?? [
        paymentsApi,
        paymentsApiSpec,
        paymentsWorker,
        paymentsLegacy,
        secretLedger,
      ]
    ).map(s => [s.entityRef, s]),
  );
  const hidden = new Set(options.hidden ?? []);
  const services = {
    get: jest.fn(async (ref: string, _credentials: BackstageCredentials) => {
      const service = all.get(ref);
      if (!service || hidden.has(ref)) {
        throw new NotFoundError(
          `${ref} is not in the latest ownership audit (run 42)`,
        );
      }
      return service;
    }),
  };
  const lookup = {
    search: jest.fn(
      async (query: string, _limit?: number): Promise<LookupResponse> =>
        options.indexed === false
          ? { query, items: [] }
          : { query, items: options.lookup?.[query] ?? [], runId: 42 },
    ),
  };
  const visibility = {
    filter: jest.fn(
      async <T extends { entityRef: string }>(
        items: T[],
        _credentials: BackstageCredentials,
      ) => items.filter(i => !hidden.has(i.entityRef)),
    ),
    readable: async (refs: string[]) =>
      new Set(refs.filter(ref => !hidden.has(ref))),
  };
  const actionsRegistry = actionsRegistryServiceMock();
  registerOwnershipActions({
    actionsRegistry,
    services: services as unknown as ServiceQueries,
    lookup: lookup as unknown as LookupService,
    visibility: visibility as unknown as CatalogVisibility,
    campaigns: {} as unknown as CampaignService,
  });
  const credentials = mockCredentials.user('user:default/dave');
  const whoOwns = async (service: string) => {
    const { output } = await actionsRegistry.invoke({
      id: 'test:who-owns',
      input: { service },
      credentials,
    });
    return output as Record<string, any>;
  };
  return {
    actionsRegistry,
    services,
    lookup,
    visibility,
    credentials,
    whoOwns,
  };
}

describe('who-owns', () => {
  it('is described as a read-only, idempotent action', async () => {
    const { actionsRegistry } = setup();

    const { actions } = await actionsRegistry.list();
    const action = actions.find(a => a.name === 'who-owns')!;

    expect(action.attributes).toEqual({
      readOnly: true,
      idempotent: true,
      destructive: false,
    });
    expect(action.description).toContain('during an incident');
    for (const status of [
      'ok',
      'missing',
      'unresolved',
      'individual',
      'empty-team',
    ]) {
      expect(action.description).toContain(`\`${status}\``);
    }
    expect(action.schema.input).toMatchObject({
      required: ['service'],
      properties: { service: { type: 'string' } },
    });
  });

  it('answers a full entity ref directly, with the owner, people and findings', async () => {
    const { whoOwns, services, visibility, credentials } = setup({
      lookup: {
        'component:default/payments-api': [match(paymentsApi, 1000)],
      },
    });

    const output = await whoOwns('component:default/payments-api');

    expect(services.get).toHaveBeenCalledTimes(1);
    expect(services.get).toHaveBeenCalledWith(
      'component:default/payments-api',
      credentials,
    );
    expect(visibility.filter).toHaveBeenCalledWith(
      [
        expect.objectContaining({
          entityRef: 'component:default/payments-api',
        }),
      ],
      credentials,
    );
    expect(output).toEqual({
      entityRef: 'component:default/payments-api',
      title: 'Payments API',
      kind: 'Component',
      type: 'service',
      lifecycle: 'production',
      system: 'system:default/payments',
      description: 'Takes card payments',
      owner: {
        entityRef: 'group:default/payments-team',
        status: 'ok',
        title: 'Payments Team',
        raw: 'payments-team',
      },
      members: [
        {
          entityRef: 'user:default/alice',
          title: 'Alice Example',
          email: 'alice@example.com',
        },
        {
          entityRef: 'user:default/bob',
          title: 'Bob Example',
          via: 'group:default/payments-oncall',
        },
      ],
      memberCount: 2,
      contacts: [
        {
          type: 'chat',
          label: '#payments-oncall',
          url: 'https://chat.example.com/payments-oncall',
        },
        {
          type: 'email',
          label: 'payments@example.com',
          url: 'mailto:payments@example.com',
        },
      ],
      findings: [
        {
          ruleId: 'runbook.stale',
          severity: 'warning',
          message:
            'component:default/payments-api has a runbook last updated 400 days ago',
          remediation: 'Review the runbook and update it',
        },
      ],
      level: 2,
      score: 80,
      otherMatches: [],
      ...RUN,
    });
  });

  it('reads a short ref or bare name as a Component in the default namespace', async () => {
    const { whoOwns, services, lookup } = setup({
      lookup: {
        'payments-api': [
          match(paymentsApiSpec, 1000),
          match(paymentsApi, 1000),
          match(paymentsWorker, 800),
        ],
      },
    });

    const byName = await whoOwns('payments-api');
    const byShortRef = await whoOwns('default/Payments-API');

    // Exact name ties: the Component wins, the API is offered to disambiguate.
    expect(byName.entityRef).toBe('component:default/payments-api');
    expect(byName.otherMatches).toEqual([
      'api:default/payments-api',
      'component:default/payments-worker',
    ]);
    expect(byShortRef.entityRef).toBe('component:default/payments-api');
    expect(services.get).toHaveBeenNthCalledWith(
      1,
      'component:default/payments-api',
      expect.anything(),
    );
    expect(lookup.search).toHaveBeenCalledWith('payments-api', 10);
  });

  it('looks up a title or a name that is no ref, and takes the best match', async () => {
    const { whoOwns, services } = setup({
      lookup: {
        'Payments API': [
          match(paymentsApi, 760, ['title']),
          match(paymentsApiSpec, 700, ['title']),
        ],
        payments: [
          match(paymentsApi, 810),
          match(paymentsWorker, 810),
          match(paymentsLegacy, 810),
          match(paymentsApiSpec, 810),
          match(secretLedger, 800),
          match(details('component:default/payments-web'), 800),
        ],
      },
    });

    const byTitle = await whoOwns('  Payments API ');
    expect(byTitle.entityRef).toBe('component:default/payments-api');
    expect(byTitle.otherMatches).toEqual(['api:default/payments-api']);
    // Text with spaces is never tried as a ref.
    expect(services.get).toHaveBeenCalledTimes(1);

    services.get.mockClear();
    const byName = await whoOwns('payments');
    expect(services.get.mock.calls.map(c => c[0])).toEqual([
      'component:default/payments',
      'component:default/payments-api',
    ]);
    expect(byName.entityRef).toBe('component:default/payments-api');
    expect(byName.otherMatches).toEqual([
      'component:default/payments-worker',
      'component:default/payments-legacy',
      'api:default/payments-api',
      'component:default/payments-secret-ledger',
    ]);
  });

  it('returns a suggested owner when the owner is missing', async () => {
    const { whoOwns } = setup();

    const output = await whoOwns('component:default/payments-legacy');

    expect(output).toMatchObject({
      owner: { status: 'missing' },
      members: [],
      memberCount: 0,
      contacts: [],
      suggestedOwner: {
        entityRef: 'group:default/payments-team',
        title: 'Payments Team',
        source: 'system',
        via: 'system:default/payments',
      },
      findings: [expect.objectContaining({ ruleId: 'owner.missing' })],
      level: 0,
      score: 0,
    });
    expect(output.owner.entityRef).toBeUndefined();
  });

  it('returns the first 20 members and how many there are', async () => {
    const members: MemberSummary[] = Array.from({ length: 35 }, (_, i) => ({
      entityRef: `user:default/engineer-${i}`,
    }));
    const big = details('component:default/monolith', {
      owner: { ...paymentsApi.owner, members },
    });
    const { whoOwns } = setup({ services: [big] });

    const output = await whoOwns('monolith');

    expect(output.members).toEqual(members.slice(0, 20));
    expect(output.memberCount).toBe(35);
  });

  it('never returns entities the caller may not read', async () => {
    const { whoOwns } = setup({
      hidden: ['component:default/payments-secret-ledger'],
      lookup: {
        ledger: [match(secretLedger, 800), match(paymentsWorker, 120)],
        payments: [
          match(paymentsApi, 810),
          match(secretLedger, 800),
          match(paymentsWorker, 800),
        ],
      },
    });

    const byLookup = await whoOwns('ledger');
    expect(byLookup.entityRef).toBe('component:default/payments-worker');
    expect(byLookup.otherMatches).toEqual([]);

    const others = await whoOwns('payments');
    expect(others.otherMatches).toEqual(['component:default/payments-worker']);

    // Hidden exactly like an entity that does not exist.
    await expect(
      whoOwns('component:default/payments-secret-ledger'),
    ).rejects.toMatchObject({
      name: 'NotFoundError',
      message: expect.stringContaining(
        'No audited entity you may read matches "component:default/payments-secret-ledger"',
      ),
    });
  });

  it('skips matches that are no longer in the latest run', async () => {
    const gone = details('component:default/payments-old');
    const { whoOwns } = setup({
      lookup: { 'payments-o': [match(gone, 900), match(paymentsWorker, 500)] },
    });

    const output = await whoOwns('payments-o');

    expect(output.entityRef).toBe('component:default/payments-worker');
    expect(output.otherMatches).toEqual([]);
  });

  it('throws NotFoundError naming the input and suggesting a full ref', async () => {
    const { whoOwns } = setup();

    const error = await whoOwns('checkout').catch(e => e);

    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.message).toContain('"checkout"');
    expect(error.message).toContain(
      'Try the full entity ref, e.g. component:default/payments-api',
    );
  });

  it('says so when no audit run has completed yet', async () => {
    const { whoOwns } = setup({ services: [], indexed: false });

    await expect(whoOwns('payments-api')).rejects.toMatchObject({
      name: 'NotFoundError',
      message: expect.stringContaining('No ownership audit has completed yet'),
    });
  });

  it('answers a ref when the lookup fails, and fails otherwise', async () => {
    const { whoOwns, lookup } = setup();
    lookup.search.mockRejectedValue(new Error('index build failed'));

    const output = await whoOwns('component:default/payments-api');
    expect(output.entityRef).toBe('component:default/payments-api');
    expect(output.otherMatches).toEqual([]);

    await expect(whoOwns('Payments API')).rejects.toThrow('index build failed');
  });

  it('passes on errors other than not found', async () => {
    const { whoOwns, services } = setup();
    services.get.mockRejectedValue(new Error('connection refused'));

    await expect(whoOwns('payments-api')).rejects.toThrow('connection refused');
  });

  it('rejects an empty service', async () => {
    const { whoOwns } = setup();

    await expect(whoOwns('   ')).rejects.toMatchObject({
      name: 'InputError',
    });
  });
});
