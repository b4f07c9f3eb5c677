import { DAY_MS } from '@ownership-portal/plugin-ownership-rules';

/**
 * Whether shifts cover now and the coming days without a hole: `ok`, or
 * `gap` with each hole's start and end. Shifts may overlap and come in any order.
 *
 * @public
 */
export function coverage(
  shifts: Array<{ from: Date; to: Date }>,
  now: Date,
  horizonDays = 7,
): { status: 'ok' | 'gap'; gaps: Array<{ from: string; to: string }> } {
  const end = now.getTime() + horizonDays * DAY_MS;
  const sorted = shifts
    .map(s => ({ from: s.from.getTime(), to: s.to.getTime() }))
    .filter(s => s.to > now.getTime() && s.from < end && s.to > s.from)
    .sort((a, b) => a.from - b.from);
  const gaps: Array<{ from: string; to: string }> = [];
  let covered = now.getTime();
  for (const shift of sorted) {
    if (shift.from > covered) {
      gaps.push({
        from: new Date(covered).toISOString(),
        to: new Date(shift.from).toISOString(),
      });
    }
    covered = Math.max(covered, shift.to);
    if (covered >= end) {
      break;
    }
  }
  if (covered < end) {
    gaps.push({
      from: new Date(covered).toISOString(),
      to: new Date(end).toISOString(),
    });
  }
  return { status: gaps.length ? 'gap' : 'ok', gaps };
}
