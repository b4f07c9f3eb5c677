import { ConfigReader } from '@backstage/config';
import type { ResolvedService } from '@ownership-portal/plugin-ownership-common';
import { resolveCatalog } from '../../__testUtils__/resolved';
import { builtInRule } from '../__testUtils__/builtInRule';

const sloMissingRule = builtInRule('slo.missing');
const context = (options: object = {}) => ({
  now: new Date('2026-12-01T10:00:00Z'),
  options: new ConfigReader(options),
});

const base: ResolvedService = {
  ...resolveCatalog().get('component:default/payments-api')!,
  systemTier: '1',
  lifecycle: 'production',
  links: [],
  annotations: {},
};

describe('slo.missing', () => {
  it('applies to production services of tier 1 Systems, as adr.missing does', () => {
    expect(sloMissingRule.appliesTo!(base, context())).toBe(true);
    expect(
      sloMissingRule.appliesTo!({ ...base, systemTier: '2' }, context()),
    ).toBe(false);
    expect(
      sloMissingRule.appliesTo!(
        { ...base, systemTier: 'Tier 2' },
        context({ tiers: ['1', '2'] }),
      ),
    ).toBe(true);
    expect(
      sloMissingRule.appliesTo!(
        { ...base, systemTier: undefined },
        context({ allEntities: true }),
      ),
    ).toBe(true);
    expect(
      sloMissingRule.appliesTo!(
        { ...base, lifecycle: 'experimental' },
        context(),
      ),
    ).toBe(false);
    expect(
      sloMissingRule.appliesTo!({ ...base, operational: false }, context()),
    ).toBe(false);
  });

  it('fires without an slo link or annotation, naming the entity, its tier and both ways to fix it', async () => {
    const [finding, ...rest] = await sloMissingRule.evaluate(base, context());
    expect(rest).toEqual([]);
    expect(finding.message).toBe(
      'component:default/payments-api (production, tier 1) states no service level objective: no link of type "slo" and no ownership-portal/slo annotation',
    );
    expect(finding.remediation).toContain('type: slo');
    expect(finding.remediation).toContain(
      '"ownership-portal/slo: docs/slo.md"',
    );
  });

  it.each([
    [
      'a link of type slo, in any case',
      {
        links: [
          { url: 'https://grafana.example/d/api', type: 'dashboard' },
          { url: 'https://slo.example/payments-api', type: 'SLO' },
        ],
      },
    ],
    [
      'the annotation with a URL',
      { annotations: { 'ownership-portal/slo': 'https://slo.example/api' } },
    ],
    [
      'the annotation with a relative file',
      { annotations: { 'ownership-portal/slo': '../docs/slo/api.md' } },
    ],
  ])('passes with %s', async (_, patch) => {
    expect(
      await sloMissingRule.evaluate({ ...base, ...patch }, context()),
    ).toEqual([]);
  });

  it('does not count a blank annotation or a link of another type', async () => {
    const service = {
      ...base,
      links: [{ url: 'https://grafana.example/d/api', type: 'dashboard' }],
      annotations: { 'ownership-portal/slo': '  ' },
    };
    expect(await sloMissingRule.evaluate(service, context())).toHaveLength(1);
  });
});
