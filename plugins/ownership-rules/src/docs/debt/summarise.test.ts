import type { TechDebtItem } from '@ownership-portal/plugin-ownership-common';
import { overdue, summariseDebt } from './summarise';

const now = new Date('2026-12-01T10:00:00Z');

function item(overrides: Partial<TechDebtItem> = {}): TechDebtItem {
  return {
    id: 'DEBT-1',
    title: 'Debt',
    impact: 'medium',
    effort: 1,
    created: '2026-11-01',
    status: 'open',
    source: 'register',
    ...overrides,
  };
}

describe('summariseDebt', () => {
  it('counts open and in-progress items, their effort and the overdue ones', () => {
    const items = [
      item({ id: 'past-due', due: '2026-11-30', effort: 2.5 }),
      item({ id: 'due-today', due: '2026-12-01', status: 'in-progress' }),
      item({ id: 'old-no-due', created: '2026-08-01', effort: 0.1 }),
      item({ id: 'fresh-no-due', created: '2026-10-01', effort: 0.2 }),
      item({ id: 'done-late', due: '2026-01-01', status: 'done', effort: 9 }),
      item({ id: 'dropped', created: '2020-01-01', status: 'wont-fix' }),
      item({ id: 'github', effort: undefined, source: 'github' }),
    ];
    const problems = [{ source: 'register', message: 'x line 3: bad' }];
    expect(summariseDebt(items, problems, { now })).toEqual({
      items,
      openCount: 5,
      overdueCount: 2,
      effortDays: 3.8,
      problems,
    });
  });

  it('takes the age threshold from the caller', () => {
    const items = [item({ created: '2026-10-01' })];
    expect(summariseDebt(items, [], { now }).overdueCount).toBe(0);
    expect(summariseDebt(items, [], { now, maxAgeDays: 30 }).overdueCount).toBe(
      1,
    );
  });

  it('is all zeros without items', () => {
    expect(summariseDebt([], [], { now })).toEqual({
      items: [],
      openCount: 0,
      overdueCount: 0,
      effortDays: 0,
      problems: [],
    });
  });
});

describe('overdue', () => {
  it('counts whole days past due, by UTC date', () => {
    expect(overdue(item({ due: '2026-11-21' }), now)).toEqual({
      kind: 'due',
      days: 10,
    });
    expect(overdue(item({ due: '2026-12-01' }), now)).toBeUndefined();
    expect(overdue(item({ due: '2027-01-01' }), now)).toBeUndefined();
  });

  it('counts days open without a due date beyond the threshold', () => {
    // 90 days open is not more than 90.
    expect(overdue(item({ created: '2026-09-02' }), now)).toBeUndefined();
    expect(overdue(item({ created: '2026-09-01' }), now)).toEqual({
      kind: 'age',
      days: 91,
    });
    expect(overdue(item({ created: '2026-10-01' }), now, 60)).toEqual({
      kind: 'age',
      days: 61,
    });
  });
});
