import { ConfigReader } from '@backstage/config';
import type { OwnershipRule } from '@ownership-portal/plugin-ownership-node';
import { service } from '../../__testUtils__/entities';
import { resolveCatalog } from '../../__testUtils__/resolved';
import { builtInRulesOf } from '../__testUtils__/builtInRule';

const ownerRules = builtInRulesOf('owner');

const resolved = resolveCatalog();
const context = {
  now: new Date('2026-11-28T00:00:00Z'),
  options: new ConfigReader({}),
};

async function findingsOf(owner: OwnershipRule, name: string) {
  return owner.evaluate(resolved.get(`component:default/${name}`)!, context);
}

function rule(id: string): OwnershipRule {
  return ownerRules.find(r => r.id === id)!;
}

describe('owner rules', () => {
  const wellKept = ['payments-api', 'fraud-scorer'];

  it.each(ownerRules.map(r => [r.id]))(
    '%s is silent for well-kept services',
    async id => {
      for (const name of wellKept) {
        expect(await findingsOf(rule(id), name)).toEqual([]);
      }
    },
  );

  it('owner.missing names the placeholder and suggests the System owner', async () => {
    const [finding] = await findingsOf(
      rule('owner.missing'),
      'invoice-generator',
    );
    expect(finding.message).toBe(
      'component:default/invoice-generator has the placeholder owner "unknown"',
    );
    expect(finding.remediation).toContain('"owner: unknown"');
    expect(finding.remediation).toContain('group:default/payments');
    expect(await findingsOf(rule('owner.missing'), 'reconciler')).toEqual([]);
  });

  it('owner.unresolved names the ref that does not exist', async () => {
    const [finding] = await findingsOf(rule('owner.unresolved'), 'reconciler');
    expect(finding.message).toContain('"group:default/billing-team"');
    expect(finding.message).toContain('not a Group or User in the catalog');
    expect(finding.remediation).toContain(
      'catalog-info.yaml of component:default/reconciler',
    );
    expect(
      await findingsOf(rule('owner.unresolved'), 'invoice-generator'),
    ).toEqual([]);
  });

  it('owner.unresolved shows what a short ref resolved to, and malformed refs', async () => {
    const custom = resolveCatalog([
      service('short', 'billing'),
      service('bad', 'group:'),
    ]);
    const [short] = await rule('owner.unresolved').evaluate(
      custom.get('component:default/short')!,
      context,
    );
    expect(short.message).toBe(
      'component:default/short has owner "billing", which resolves to group:default/billing, not a Group or User in the catalog',
    );
    const [bad] = await rule('owner.unresolved').evaluate(
      custom.get('component:default/bad')!,
      context,
    );
    expect(bad.message).toBe(
      'component:default/bad has owner "group:", which is not a valid entity ref',
    );
  });

  it('owner.individual names the user', async () => {
    const [finding] = await findingsOf(rule('owner.individual'), 'experiments');
    expect(finding.message).toContain('user:default/erin');
    expect(finding.remediation).toContain('"owner: user:default/erin"');
    expect(
      await findingsOf(rule('owner.individual'), 'churn-predictor'),
    ).toEqual([]);
  });

  it('owner.empty-team names the group without members', async () => {
    const [finding] = await findingsOf(
      rule('owner.empty-team'),
      'churn-predictor',
    );
    expect(finding.message).toContain(
      'group:default/data-science, a Group without members',
    );
    expect(await findingsOf(rule('owner.empty-team'), 'experiments')).toEqual(
      [],
    );
  });

  it('fires exactly one owner rule for each broken service', async () => {
    const broken = [
      'invoice-generator',
      'label-printer',
      'reconciler',
      'experiments',
      'churn-predictor',
    ];
    for (const name of broken) {
      const fired = [];
      for (const r of ownerRules) {
        if ((await findingsOf(r, name)).length) fired.push(r.id);
      }
      expect(fired).toHaveLength(1);
    }
  });
});
