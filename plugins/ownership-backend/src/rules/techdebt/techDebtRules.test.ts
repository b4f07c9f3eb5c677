import { ConfigReader } from '@backstage/config';
import type {
  ResolvedService,
  TechDebtItem,
  TechDebtSummary,
} from '@ownership-portal/plugin-ownership-common';
import { resolveCatalog } from '../../__testUtils__/resolved';
import { summariseDebt } from '@ownership-portal/plugin-ownership-rules';
import { builtInRule, builtInRulesOf } from '../__testUtils__/builtInRule';

const techDebtRules = builtInRulesOf('techdebt');
const techDebtOverdueRule = builtInRule('techdebt.overdue');
const techDebtRegisterInvalidRule = builtInRule('techdebt.register-invalid');
const techDebtUntriagedRule = builtInRule('techdebt.untriaged');

const now = new Date('2026-12-01T10:00:00Z');
const context = { now, options: new ConfigReader({}) };
const base = resolveCatalog().get('component:default/payments-api')!;
const REGISTER = 'https://github.com/acme/payments/blob/main/tech-debt.yaml';

function item(overrides: Partial<TechDebtItem> = {}): TechDebtItem {
  return {
    id: 'DEBT-1',
    title: 'Replace the legacy auth client',
    impact: 'medium',
    effort: 3,
    created: '2026-11-01',
    status: 'open',
    source: 'register',
    ...overrides,
  };
}

function withDebt(
  items: TechDebtItem[],
  problems: TechDebtSummary['problems'] = [],
): ResolvedService {
  return { ...base, techDebt: summariseDebt(items, problems, { now }) };
}

describe('tech debt rules', () => {
  it('are exported together with their default severities', () => {
    expect(techDebtRules.map(r => [r.id, r.defaultSeverity])).toEqual([
      ['techdebt.overdue', 'warning'],
      ['techdebt.untriaged', 'warning'],
      ['techdebt.register-invalid', 'error'],
    ]);
  });

  it('apply only to entities whose debt was read', () => {
    for (const rule of techDebtRules) {
      expect(rule.appliesTo!(base, context)).toBe(false);
      expect(rule.appliesTo!(withDebt([]), context)).toBe(true);
    }
  });

  describe('techdebt.overdue', () => {
    it('reports each open item past its due date, naming it and the entity', async () => {
      const findings = await techDebtOverdueRule.evaluate(
        withDebt([
          item({ due: '2026-11-19' }),
          item({
            id: 'DEBT-2',
            title: 'Split the ledger',
            due: '2026-11-30',
            status: 'in-progress',
          }),
        ]),
        context,
      );
      expect(findings.map(f => f.message)).toEqual([
        'component:default/payments-api: tech debt DEBT-1 "Replace the legacy auth client" is 12 days past its due date 2026-11-19',
        'component:default/payments-api: tech debt DEBT-2 "Split the ledger" is 1 day past its due date 2026-11-30',
      ]);
      expect(findings[0].remediation).toContain(
        'In the tech debt register of component:default/payments-api',
      );
      expect(findings[0].remediation).toContain('"status: done" on DEBT-1');
      expect(findings[0].remediation).toContain('move "due: 2026-11-19"');
    });

    it('reports an item open too long without a due date, with the configured threshold', async () => {
      const old = withDebt([item({ created: '2026-08-01' })]);
      const [finding] = await techDebtOverdueRule.evaluate(old, context);
      expect(finding.message).toBe(
        'component:default/payments-api: tech debt DEBT-1 "Replace the legacy auth client" has been open 122 days since 2026-08-01 without a due date (more than 90)',
      );
      expect(finding.remediation).toContain('add "due: YYYY-MM-DD" to DEBT-1');

      expect(
        await techDebtOverdueRule.evaluate(old, {
          now,
          options: new ConfigReader({ maxAgeDays: 180 }),
        }),
      ).toEqual([]);
      const recent = withDebt([item({ created: '2026-10-01' })]);
      expect(
        await techDebtOverdueRule.evaluate(recent, {
          now,
          options: new ConfigReader({ maxAgeDays: 30 }),
        }),
      ).toHaveLength(1);
    });

    it('says nothing of items on time, done or dropped', async () => {
      expect(
        await techDebtOverdueRule.evaluate(
          withDebt([
            item({ due: '2026-12-01' }),
            item({ due: '2026-01-01', status: 'done' }),
            item({ created: '2020-01-01', status: 'wont-fix' }),
            item({ created: '2026-10-01' }),
          ]),
          context,
        ),
      ).toEqual([]);
    });

    it('points at the issue for items from another source', async () => {
      const [finding] = await techDebtOverdueRule.evaluate(
        withDebt([
          item({
            id: '#12',
            source: 'github',
            due: '2026-11-01',
            issue: 'https://github.com/acme/payments/issues/12',
          }),
        ]),
        context,
      );
      expect(finding.message).toContain('tech debt #12 ');
      expect(finding.remediation).toBe(
        'Close github issue https://github.com/acme/payments/issues/12 once the debt is paid off, or move its milestone to a later due date.',
      );
    });
  });

  describe('techdebt.untriaged', () => {
    it('reports high and critical open items without a due date or an issue, naming what is missing', async () => {
      const findings = await techDebtUntriagedRule.evaluate(
        withDebt([
          item({ impact: 'high' }),
          item({
            id: 'DEBT-2',
            title: 'Rotate keys',
            impact: 'critical',
            due: '2027-01-01',
          }),
          item({
            id: 'DEBT-3',
            title: 'Pin images',
            impact: 'high',
            status: 'in-progress',
            issue: 'https://github.com/acme/payments/issues/3',
          }),
        ]),
        context,
      );
      expect(findings.map(f => f.message)).toEqual([
        'component:default/payments-api: high-impact tech debt DEBT-1 "Replace the legacy auth client" has no due date and no issue',
        'component:default/payments-api: critical-impact tech debt DEBT-2 "Rotate keys" has no issue',
        'component:default/payments-api: high-impact tech debt DEBT-3 "Pin images" has no due date',
      ]);
      expect(findings[0].remediation).toContain(
        'add "due: YYYY-MM-DD" and "issue: <URL of the tracking issue>" to DEBT-1',
      );
      expect(findings[1].remediation).toContain(
        'add "issue: <URL of the tracking issue>" to DEBT-2',
      );
      expect(findings[2].remediation).toContain(
        'add "due: YYYY-MM-DD" to DEBT-3',
      );
    });

    it('says nothing of triaged, lower-impact or closed items', async () => {
      expect(
        await techDebtUntriagedRule.evaluate(
          withDebt([
            item({
              impact: 'critical',
              due: '2027-01-01',
              issue: 'https://github.com/acme/payments/issues/1',
            }),
            item({ impact: 'medium' }),
            item({ impact: 'low' }),
            item({ impact: 'high', status: 'done' }),
            item({ impact: 'critical', status: 'wont-fix' }),
          ]),
          context,
        ),
      ).toEqual([]);
    });
  });

  describe('techdebt.register-invalid', () => {
    it('reports each register problem, quoting it with its line', async () => {
      const problems = [
        {
          source: 'register',
          message: `${REGISTER} items[2].impact (line 14): must be one of low, medium, high, critical, got "huge" (item "DEBT-3")`,
        },
        {
          source: 'register',
          message: `${REGISTER} line 7: Missing closing "quote`,
        },
        {
          source: 'register',
          message: `${REGISTER} items[4].id (line 30): duplicate id "DEBT-1", already used by items[0] (line 2); this item is left out`,
        },
        { source: 'github', message: 'GitHub did not answer within 5000 ms' },
      ];
      const findings = await techDebtRegisterInvalidRule.evaluate(
        withDebt([], problems),
        context,
      );
      expect(findings.map(f => f.message)).toEqual([
        `component:default/payments-api: the tech debt register is invalid: ${REGISTER} items[2].impact (line 14): must be one of low, medium, high, critical, got "huge" (item "DEBT-3")`,
        `component:default/payments-api: the tech debt register is invalid: ${REGISTER} line 7: Missing closing "quote`,
        `component:default/payments-api: the tech debt register is invalid: ${REGISTER} items[4].id (line 30): duplicate id "DEBT-1", already used by items[0] (line 2); this item is left out`,
      ]);
      expect(findings[0].remediation).toContain(
        'Correct the field at line 14 of the register file',
      );
      expect(findings[1].remediation).toContain(
        'Fix line 7 of the register file',
      );
      expect(findings[2].remediation).toContain(
        'Give the item at line 30 of the register file an id of its own',
      );
    });

    it('says nothing for a valid register or problems of other sources', async () => {
      expect(
        await techDebtRegisterInvalidRule.evaluate(
          withDebt([item()], [{ source: 'github', message: 'rate limited' }]),
          context,
        ),
      ).toEqual([]);
    });

    it('says nothing of a register that could not be read just now, stale or unknown', async () => {
      const service = withDebt([]);
      expect(
        await techDebtRegisterInvalidRule.evaluate(
          {
            ...service,
            techDebt: {
              ...service.techDebt!,
              reads: [
                {
                  source: 'register',
                  status: 'unknown',
                  reason: `could not read ${REGISTER}, 503 Service Unavailable`,
                },
              ],
            },
          },
          context,
        ),
      ).toEqual([]);
    });
  });
});
