import type {
  TechDebtItem,
  TechDebtSummary,
} from '@ownership-portal/plugin-ownership-common';
import { DAY_MS } from '../../time';

/**
 * Open items without a due date are overdue when older than this, in days.
 *
 * @public
 */
export const DEFAULT_MAX_AGE_DAYS = 90;

/** Whether an item still counts as debt: `open` or `in-progress`. */
export function isOpen(item: Pick<TechDebtItem, 'status'>): boolean {
  return item.status === 'open' || item.status === 'in-progress';
}

/** Whole days from the UTC date of `from` to the UTC date of `to`. */
function daysBetween(from: string, to: Date): number {
  const start = Date.parse(`${from.slice(0, 10)}T00:00:00Z`);
  const end = Date.parse(`${to.toISOString().slice(0, 10)}T00:00:00Z`);
  return Math.round((end - start) / DAY_MS);
}

/**
 * Why an open item is overdue on `now`'s date: `due` by so many days past
 * its due date, or `age` by so many days open without a due date (more
 * than `maxAgeDays`). Undefined for items done, dropped or not overdue; an
 * item is not overdue on its due date itself.
 */
export function overdue(
  item: Pick<TechDebtItem, 'status' | 'due' | 'created'>,
  now: Date,
  maxAgeDays = DEFAULT_MAX_AGE_DAYS,
): { kind: 'due' | 'age'; days: number } | undefined {
  if (!isOpen(item)) {
    return undefined;
  }
  if (item.due) {
    const days = daysBetween(item.due, now);
    return days > 0 ? { kind: 'due', days } : undefined;
  }
  const days = daysBetween(item.created, now);
  return days > maxAgeDays ? { kind: 'age', days } : undefined;
}

/**
 * Counts a service's debt: items open or in progress, those overdue (past
 * `due`, or without one and older than `maxAgeDays`), and their effort.
 *
 * @public
 */
export function summariseDebt(
  items: TechDebtItem[],
  problems: TechDebtSummary['problems'],
  {
    now,
    maxAgeDays = DEFAULT_MAX_AGE_DAYS,
  }: { now: Date; maxAgeDays?: number },
): TechDebtSummary {
  const open = items.filter(isOpen);
  const effort = open.reduce((sum, item) => sum + (item.effort ?? 0), 0);
  return {
    items,
    openCount: open.length,
    overdueCount: open.filter(item => overdue(item, now, maxAgeDays)).length,
    // Sums of fractional days drift (0.1 + 0.2); two decimals are plenty.
    effortDays: Math.round(effort * 100) / 100,
    problems,
  };
}
