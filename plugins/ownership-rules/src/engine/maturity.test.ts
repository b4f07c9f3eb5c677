import { gatedLevel, maturityLevel, score } from './maturity';

describe('maturity', () => {
  it('maps rule categories to the level they gate', () => {
    expect(gatedLevel('owner.missing')).toBe(1);
    expect(gatedLevel('oncall.gap')).toBe(2);
    expect(gatedLevel('runbook.missing')).toBe(2);
    expect(gatedLevel('runbook.stale')).toBe(3);
    expect(gatedLevel('adr.missing')).toBe(3);
    expect(gatedLevel('techdebt.overdue')).toBe(4);
    expect(gatedLevel('custom.anything')).toBe(4);
  });

  it('is the highest level without findings at or below it', () => {
    expect(maturityLevel([])).toBe(4);
    expect(maturityLevel(['techdebt.overdue'])).toBe(3);
    expect(maturityLevel(['adr.missing', 'techdebt.overdue'])).toBe(2);
    expect(maturityLevel(['oncall.missing', 'adr.missing'])).toBe(1);
    expect(maturityLevel(['runbook.stale', 'owner.individual'])).toBe(0);
  });

  it('weights the score by severity', () => {
    expect(score([])).toBe(100);
    expect(
      score([
        { severity: 'error', passed: false },
        { severity: 'info', passed: true },
      ]),
    ).toBe(25);
    expect(score([{ severity: 'warning', passed: true }])).toBe(100);
  });
});
