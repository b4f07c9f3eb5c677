import { ConfigReader } from '@backstage/config';
import type {
  AdrInfo,
  ResolvedService,
} from '@ownership-portal/plugin-ownership-common';
import { resolveCatalog } from '../../__testUtils__/resolved';
import { builtInRule, builtInRulesOf } from '../__testUtils__/builtInRule';

const adrRules = builtInRulesOf('adr');
const adrMissingRule = builtInRule('adr.missing');
const adrStaleProposalRule = builtInRule('adr.stale-proposal');

const now = new Date('2026-12-01T10:00:00Z');
const context = (options: object = {}) => ({
  now,
  options: new ConfigReader(options),
});

const base: ResolvedService = {
  ...resolveCatalog().get('component:default/payments-api')!,
  lifecycle: 'production',
  systemTier: '1',
  adrs: undefined,
  adrProblems: undefined,
};

const ADR_URL = 'https://github.com/acme/payments/blob/main/docs/adrs';
const adr = (overrides: Partial<AdrInfo> = {}): AdrInfo => ({
  title: 'Store the ledger in PostgreSQL',
  status: 'accepted',
  date: '2020-05-01',
  url: `${ADR_URL}/0003-store-ledger-in-postgresql.md`,
  file: '0003-store-ledger-in-postgresql.md',
  ...overrides,
});

describe('adr.missing', () => {
  it('applies to production entities only', () => {
    expect(adrMissingRule.appliesTo!(base, context())).toBe(true);
    expect(
      adrMissingRule.appliesTo!(
        { ...base, lifecycle: 'Production' },
        context(),
      ),
    ).toBe(true);
    expect(
      adrMissingRule.appliesTo!(
        { ...base, lifecycle: 'experimental' },
        context(),
      ),
    ).toBe(false);
    expect(
      adrMissingRule.appliesTo!({ ...base, lifecycle: undefined }, context()),
    ).toBe(false);
  });

  it('fires for a tier 1 production entity without an ADR location, naming entity, tier and annotation', async () => {
    const [finding, ...rest] = await adrMissingRule.evaluate(base, context());
    expect(rest).toEqual([]);
    expect(finding.message).toBe(
      'component:default/payments-api (production, tier 1) has no architecture decision records: it names no backstage.io/adr-location',
    );
    expect(finding.remediation).toContain(
      '"backstage.io/adr-location: docs/adrs"',
    );
    expect(finding.remediation).toContain('catalog-info.yaml');
    expect(finding.remediation).toContain('first ADR');
  });

  it('fires when the ADR folder holds no ADR', async () => {
    const [finding] = await adrMissingRule.evaluate(
      {
        ...base,
        adrs: [],
        annotations: {
          ...base.annotations,
          'backstage.io/adr-location': 'docs/adrs',
        },
      },
      context(),
    );
    expect(finding.message).toBe(
      'component:default/payments-api (production, tier 1) has no architecture decision records: "docs/adrs" holds none',
    );
  });

  it('says so when the ADR location exists but cannot be read', async () => {
    const [finding] = await adrMissingRule.evaluate(
      {
        ...base,
        annotations: {
          ...base.annotations,
          'backstage.io/adr-location': 'docs/adr',
        },
        adrProblems: [
          'https://github.com/acme/payments/tree/main/docs/adr: not found',
        ],
      },
      context(),
    );
    expect(finding.message).toBe(
      'component:default/payments-api (production, tier 1) names ADRs at "docs/adr", but they could not be read: https://github.com/acme/payments/tree/main/docs/adr: not found',
    );
    expect(finding.remediation).toMatch(/^Make "docs\/adr" readable/);
  });

  it('says nothing while the ADR folder could not be read just now', async () => {
    expect(
      await adrMissingRule.evaluate(
        {
          ...base,
          annotations: {
            ...base.annotations,
            'backstage.io/adr-location': ADR_URL,
          },
          adrRead: { status: 'unknown', reason: '503 Service Unavailable' },
        },
        context(),
      ),
    ).toEqual([]);
  });

  it('passes with ADRs, even when some files had problems', async () => {
    expect(
      await adrMissingRule.evaluate({ ...base, adrs: [adr()] }, context()),
    ).toEqual([]);
    expect(
      await adrMissingRule.evaluate(
        { ...base, adrs: [adr()], adrProblems: ['0009-x.md: no status'] },
        context(),
      ),
    ).toEqual([]);
  });

  it('does not apply to other tiers unless configured, so they do not count it as passed', () => {
    const tier2 = { ...base, systemTier: '2' };
    expect(adrMissingRule.appliesTo!(tier2, context())).toBe(false);
    expect(
      adrMissingRule.appliesTo!(tier2, context({ tiers: ['1', '2'] })),
    ).toBe(true);
    expect(
      adrMissingRule.appliesTo!(
        { ...base, systemTier: undefined },
        context({ allEntities: true }),
      ),
    ).toBe(true);
  });

  it('leaves other tiers alone unless configured', async () => {
    const tier2 = { ...base, systemTier: '2' };
    const noTier = { ...base, systemTier: undefined };
    expect(await adrMissingRule.evaluate(tier2, context())).toEqual([]);
    expect(await adrMissingRule.evaluate(noTier, context())).toEqual([]);
    expect(
      await adrMissingRule.evaluate(tier2, context({ tiers: ['1', '2'] })),
    ).toHaveLength(1);
    expect(
      await adrMissingRule.evaluate(
        { ...base, systemTier: 'Tier-1' },
        context(),
      ),
    ).toHaveLength(1);
    const [finding] = await adrMissingRule.evaluate(
      noTier,
      context({ allEntities: true }),
    );
    expect(finding.message).toMatch(
      /^component:default\/payments-api \(production\) has no architecture/,
    );
  });

  it('does not fire for non-production entities even when evaluated', async () => {
    expect(
      await adrMissingRule.evaluate(
        { ...base, lifecycle: 'experimental' },
        context({ allEntities: true }),
      ),
    ).toEqual([]);
  });
});

describe('adr.stale-proposal', () => {
  const proposal = adr({
    title: 'Expose a GraphQL gateway',
    file: '0007-expose-graphql-gateway.md',
    url: `${ADR_URL}/0007-expose-graphql-gateway.md`,
    status: 'proposed',
    date: '2026-09-15',
  });

  it('applies to entities with ADRs', () => {
    expect(adrStaleProposalRule.appliesTo!(base, context())).toBe(false);
    expect(
      adrStaleProposalRule.appliesTo!({ ...base, adrs: [] }, context()),
    ).toBe(false);
    expect(
      adrStaleProposalRule.appliesTo!({ ...base, adrs: [adr()] }, context()),
    ).toBe(true);
  });

  it('names each proposal older than 30 days with its file, title and age', async () => {
    const outcomes = await adrStaleProposalRule.evaluate(
      {
        ...base,
        adrs: [
          adr(),
          proposal,
          adr({
            title: 'Split billing',
            file: '0009-split-billing.md',
            status: 'proposed',
            date: '2026-10-01',
          }),
        ],
      },
      context(),
    );
    expect(outcomes).toEqual([
      {
        message:
          'component:default/payments-api: ADR 0007-expose-graphql-gateway.md "Expose a GraphQL gateway" has been proposed for 77 days (since 2026-09-15; at most 30)',
        remediation: `Decide on 0007-expose-graphql-gateway.md (${ADR_URL}/0007-expose-graphql-gateway.md): accept or reject it, then update its status (front matter "status:", the "Status:" line or the "## Status" section) and its date.`,
      },
      {
        message:
          'component:default/payments-api: ADR 0009-split-billing.md "Split billing" has been proposed for 61 days (since 2026-10-01; at most 30)',
        remediation: expect.stringContaining('accept or reject it'),
      },
    ]);
  });

  it('passes recent proposals, decided ADRs and proposals without a date', async () => {
    expect(
      await adrStaleProposalRule.evaluate(
        {
          ...base,
          adrs: [
            adr({ status: 'proposed', date: '2026-11-01' }),
            adr({ status: 'proposed', date: undefined }),
            adr({ status: 'rejected', date: '2020-01-01' }),
            adr({ status: 'accepted', date: '2020-01-01' }),
          ],
        },
        context(),
      ),
    ).toEqual([]);
  });

  it('counts an undated proposal from when the portal first saw it, and says so', async () => {
    const undated = adr({
      title: 'Adopt a service mesh',
      file: '0010-adopt-a-service-mesh.md',
      status: 'proposed',
      date: undefined,
      proposedSince: { date: '2026-10-01', source: 'first-seen' },
    });
    const recent = adr({
      status: 'proposed',
      date: undefined,
      proposedSince: { date: '2026-11-20', source: 'first-seen' },
    });
    const [finding, ...rest] = await adrStaleProposalRule.evaluate(
      { ...base, adrs: [undated, recent] },
      context(),
    );
    expect(rest).toEqual([]);
    expect(finding.message).toBe(
      'component:default/payments-api: ADR 0010-adopt-a-service-mesh.md "Adopt a service mesh" has been proposed for 61 days (since 2026-10-01, when the portal first saw it; the record states no date; at most 30)',
    );
  });

  it('reads maxAgeDays', async () => {
    const service = { ...base, adrs: [proposal] };
    expect(
      await adrStaleProposalRule.evaluate(service, context({ maxAgeDays: 90 })),
    ).toEqual([]);
    expect(
      await adrStaleProposalRule.evaluate(service, context({ maxAgeDays: 7 })),
    ).toHaveLength(1);
  });
});

describe('adrRules', () => {
  it('holds both rules with warning as default severity', () => {
    expect(adrRules.map(r => [r.id, r.defaultSeverity])).toEqual([
      ['adr.missing', 'warning'],
      ['adr.stale-proposal', 'warning'],
    ]);
  });
});
