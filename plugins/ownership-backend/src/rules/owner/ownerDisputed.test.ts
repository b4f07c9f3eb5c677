import { ConfigReader } from '@backstage/config';
import type {
  OwnershipDispute,
  ResolvedService,
} from '@ownership-portal/plugin-ownership-common';
import { resolveCatalog } from '../../__testUtils__/resolved';
import { builtInRule } from '../__testUtils__/builtInRule';

const ownerDisputedRule = builtInRule('owner.disputed');

const resolved = resolveCatalog();
const context = {
  now: new Date('2027-01-20T00:00:00Z'),
  options: new ConfigReader({}),
};
const paymentsApi = resolved.get('component:default/payments-api')!;
const owner = paymentsApi.ownerResolution.entityRef!;

function disputed(
  dispute: Partial<OwnershipDispute>,
  service: ResolvedService = paymentsApi,
): ResolvedService {
  return {
    ...service,
    annotations: {
      ...service.annotations,
      'backstage.io/edit-url':
        'https://github.com/acme/payments/edit/main/catalog-info.yaml',
    },
    dispute: {
      campaignId: 3,
      campaignTitle: 'Q1 2027 ownership review',
      team: owner,
      answer: 'transfer',
      transferTo: 'group:default/search',
      by: 'user:default/ana',
      at: '2027-01-10T09:30:00.000Z',
      ...dispute,
    },
  };
}

describe('owner.disputed', () => {
  it('applies only to entities with a dispute', () => {
    expect(ownerDisputedRule.appliesTo!(paymentsApi, context)).toBe(false);
    expect(ownerDisputedRule.appliesTo!(disputed({}), context)).toBe(true);
  });

  it('names the campaign, the team and the answer of a transfer the catalog has not followed', async () => {
    const [finding, ...rest] = await ownerDisputedRule.evaluate(
      disputed({}),
      context,
    );
    expect(rest).toEqual([]);
    expect(finding.message).toBe(
      `component:default/payments-api: ${owner} answered "transfer" in the campaign "Q1 2027 ownership review" (user:default/ana, 2027-01-10), naming group:default/search as its owner, but the catalog still says ${owner}`,
    );
    expect(finding.remediation).toBe(
      'Write "spec.owner: search" in the catalog-info.yaml of component:default/payments-api (edit it at https://github.com/acme/payments/edit/main/catalog-info.yaml).',
    );
  });

  it('is silent once the catalog names the transfer target', async () => {
    const moved = disputed({ transferTo: owner, team: 'group:default/old' });
    expect(await ownerDisputedRule.evaluate(moved, context)).toEqual([]);
  });

  it('reports not-ours with its reason while the team still owns it', async () => {
    const [finding] = await ownerDisputedRule.evaluate(
      disputed({
        answer: 'not-ours',
        transferTo: undefined,
        reason: 'Handed over in 2025',
      }),
      context,
    );
    expect(finding.message).toContain('answered "not-ours"');
    expect(finding.message).toContain('"Handed over in 2025"');
    expect(finding.remediation).toContain('edit it at https://github.com/');
    const elsewhere = disputed({
      answer: 'not-ours',
      transferTo: undefined,
      team: 'group:default/someone-else',
    });
    expect(await ownerDisputedRule.evaluate(elsewhere, context)).toEqual([]);
  });
});
