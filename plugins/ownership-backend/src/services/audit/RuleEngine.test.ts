import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import type { OwnershipRule } from '@ownership-portal/plugin-ownership-node';
import { resolveCatalog } from '../../__testUtils__/resolved';
import { RuleRegistry } from '../RuleRegistry';
import {
  builtInRules,
  RuleEngine,
} from '@ownership-portal/plugin-ownership-rules';

const ownerRules = builtInRules.filter(rule => rule.id.startsWith('owner.'));

const now = new Date('2026-11-28T00:00:00Z');
const resolved = resolveCatalog();
const svc = (name: string) => resolved.get(`component:default/${name}`)!;

const runbookRule: OwnershipRule = {
  id: 'runbook.missing',
  defaultSeverity: 'warning',
  description: 'Operational services link a runbook.',
  remediation: 'Add a runbook link.',
  appliesTo: s => s.operational,
  evaluate: s =>
    s.links.some(l => l.type === 'runbook')
      ? []
      : [{ message: `${s.entityRef} links no runbook` }],
};

function engine(config: object = {}, extra: OwnershipRule[] = [runbookRule]) {
  return RuleEngine.create({
    rules: RuleRegistry.create({ rules: [...ownerRules, ...extra] }),
    config: new ConfigReader({ ownership: { rules: config } }),
    logger: mockServices.logger.mock(),
  });
}

describe('RuleEngine', () => {
  it('gives a well-kept service no owner findings, level 1 and a partial score', async () => {
    const result = await engine().evaluate(svc('payments-api'), now);
    expect(result.findings.map(f => f.ruleId)).toEqual(['runbook.missing']);
    expect(result.findings[0].severity).toBe('error');
    expect(result.level).toBe(1);
    // four owner rules pass (3+3+2+3) of 14 weight with the runbook error (3)
    expect(result.score).toBe(Math.round((100 * 11) / 14));
  });

  it('scores 100 and level 4 when every applicable rule passes', async () => {
    const result = await engine({}, []).evaluate(svc('payments-api'), now);
    expect(result).toEqual({ findings: [], score: 100, level: 4 });
  });

  it('gives a service without an owner level 0 and its rule severity', async () => {
    const result = await engine().evaluate(svc('invoice-generator'), now);
    expect(result.level).toBe(0);
    expect(result.findings[0]).toMatchObject({
      ruleId: 'owner.missing',
      severity: 'error',
    });
  });

  it('applies configured severity and enabled flags', async () => {
    const configured = engine({
      owner: { individual: { severity: 'info' }, missing: { enabled: false } },
    });
    const individual = await configured.evaluate(svc('experiments'), now);
    expect(
      individual.findings.find(f => f.ruleId === 'owner.individual')?.severity,
    ).toBe('info');
    const missing = await configured.evaluate(svc('invoice-generator'), now);
    expect(missing.findings.map(f => f.ruleId)).not.toContain('owner.missing');
  });

  it('follows the lifecycle for operational rules: info for experimental, skipped for deprecated', async () => {
    const experimental = await engine().evaluate(svc('experiments'), now);
    expect(
      experimental.findings.find(f => f.ruleId === 'runbook.missing')?.severity,
    ).toBe('info');
    const deprecated = await engine().evaluate(
      { ...svc('payments-api'), lifecycle: 'deprecated' },
      now,
    );
    expect(deprecated.findings).toEqual([]);
    const overridden = await engine({
      runbook: { missing: { lifecycles: { deprecated: 'warning' } } },
    }).evaluate({ ...svc('payments-api'), lifecycle: 'Deprecated' }, now);
    expect(overridden.findings[0].severity).toBe('warning');
  });

  it('only applies a rule where appliesTo says so', async () => {
    const result = await engine().evaluate(
      { ...svc('payments-api'), operational: false },
      now,
    );
    expect(result.findings).toEqual([]);
  });

  it("gives appliesTo the rule's options, so a rule outside them neither passes nor fails", async () => {
    const seen: unknown[] = [];
    const tiered: OwnershipRule = {
      id: 'custom.tiered',
      defaultSeverity: 'error',
      description: 'Only for the configured tiers.',
      remediation: 'Fix it.',
      appliesTo: (s, { options }) => {
        seen.push(options.getOptionalStringArray('tiers'));
        return (options.getOptionalStringArray('tiers') ?? []).includes(
          s.systemTier ?? '',
        );
      },
      evaluate: s => [{ message: `${s.entityRef} fails` }],
    };
    const service = { ...svc('payments-api'), systemTier: '2' };
    const without = await engine({}, [tiered]).evaluate(service, now);
    const outside = await engine({ custom: { tiered: { tiers: ['1'] } } }, [
      tiered,
    ]).evaluate(service, now);
    const inside = await engine({ custom: { tiered: { tiers: ['2'] } } }, [
      tiered,
    ]).evaluate(service, now);
    expect(seen).toEqual([undefined, ['1'], ['2']]);
    expect(outside).toEqual(without);
    expect(inside.findings.map(f => f.ruleId)).toEqual(['custom.tiered']);
    expect(inside.score).toBeLessThan(without.score);
  });

  it('leaves out a rule that throws instead of failing the entity', async () => {
    const broken: OwnershipRule = {
      ...runbookRule,
      id: 'custom.broken',
      evaluate: () => {
        throw new Error('boom');
      },
    };
    const result = await engine({}, [broken]).evaluate(
      svc('payments-api'),
      now,
    );
    expect(result).toEqual({ findings: [], score: 100, level: 4 });
  });

  it('describes every rule with its effective configuration', () => {
    const described = engine({
      runbook: { missing: { severity: 'warning' } },
    }).describe();
    expect(described.find(r => r.id === 'runbook.missing')).toMatchObject({
      enabled: true,
      severity: 'warning',
      operational: true,
      lifecycles: {
        production: 'warning',
        experimental: 'info',
        deprecated: 'skip',
      },
      options: { severity: 'warning' },
    });
    expect(described.find(r => r.id === 'owner.missing')).toMatchObject({
      operational: false,
      lifecycles: {},
    });
  });

  it('warns about settings for rules that are not installed', () => {
    const logger = mockServices.logger.mock();
    RuleEngine.create({
      rules: RuleRegistry.create({ rules: ownerRules }),
      config: new ConfigReader({
        ownership: { rules: { owner: { misssing: { enabled: false } } } },
      }),
      logger,
    });
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('ownership.rules configures owner.misssing'),
    );
  });

  it('rejects a bad severity with the config path', () => {
    expect(() => engine({ owner: { missing: { severity: 'fatal' } } })).toThrow(
      'Invalid config at ownership.rules.owner.missing.severity: expected error, warning, info, got "fatal"',
    );
    expect(() =>
      engine({ runbook: { missing: { lifecycles: { production: 'loud' } } } }),
    ).toThrow('ownership.rules.runbook.missing.lifecycles.production');
  });
});
