import ICAL from 'ical.js';

/**
 * A recurrence took more steps than it was allowed. ical.js looks for the
 * next occurrence of a rule one candidate date at a time, and for a rule
 * that matches no date at all (`FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30`) it
 * never stops: one call would block the event loop for good.
 */
export class RecurrenceStepsExceededError extends Error {
  constructor(readonly limit: number) {
    super(`its recurrence found no further date within ${limit} steps`);
    this.name = 'RecurrenceStepsExceededError';
  }
}

/** The budget of the expansion running now; none outside {@link countSteps}. */
let active: { left: number; limit: number } | undefined;

type Iterator = { check_contracting_rules(): boolean };
const prototype = (
  ICAL as unknown as { RecurIterator: { prototype: Iterator } }
).RecurIterator.prototype;
const checkRules = prototype.check_contracting_rules;
// Every candidate date of every rule goes through this check, including the
// ones tried while an iterator is being created. Outside countSteps it only
// passes the call on.
prototype.check_contracting_rules = function checkWithinBudget(this: Iterator) {
  if (active && --active.left < 0) {
    throw new RecurrenceStepsExceededError(active.limit);
  }
  return checkRules.call(this);
};

/**
 * Runs `fn` (synchronous ical.js work) allowing at most `limit` candidate
 * dates across all recurrence rules it expands, and returns how many it
 * used.
 *
 * @throws RecurrenceStepsExceededError when `fn` needs more.
 */
export function countSteps<T>(
  limit: number,
  fn: () => T,
): { value: T; steps: number } {
  const outer = active;
  const budget = { left: limit, limit };
  active = budget;
  try {
    const value = fn();
    return { value, steps: limit - budget.left };
  } finally {
    active = outer;
  }
}
