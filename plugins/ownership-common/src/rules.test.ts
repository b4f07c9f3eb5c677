import { RULE_IDS, isRuleId, ruleCategory } from './rules';

describe('rule ids', () => {
  it('are unique and follow <category>.<name>', () => {
    expect(new Set(RULE_IDS).size).toBe(RULE_IDS.length);
    for (const id of RULE_IDS) {
      expect(id).toMatch(/^(owner|oncall|runbook|adr|techdebt|slo)\.[a-z-]+$/);
    }
  });

  it('recognises built-in ids and rejects others', () => {
    expect(isRuleId('owner.missing')).toBe(true);
    expect(isRuleId('techdebt.register-invalid')).toBe(true);
    expect(isRuleId('owner.Missing')).toBe(false);
    expect(isRuleId('custom.rule')).toBe(false);
  });

  it('derives the category and names a malformed id in its error', () => {
    expect(ruleCategory('runbook.stale')).toBe('runbook');
    expect(ruleCategory('custom.something-else')).toBe('custom');
    expect(() => ruleCategory('nodot')).toThrow(/Invalid rule id "nodot"/);
    expect(() => ruleCategory('.x')).toThrow(/Invalid rule id ".x"/);
    expect(() => ruleCategory('x.')).toThrow(/Invalid rule id "x."/);
  });
});
