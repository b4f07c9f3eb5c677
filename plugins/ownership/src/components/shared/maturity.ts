import type { MaturityLevel } from '@ownership-portal/plugin-ownership-common';

/** The names of the maturity levels, index 0 to 4. */
export const MATURITY_LEVEL_NAMES: Record<MaturityLevel, string> = {
  0: 'Not owned',
  1: 'Owned',
  2: 'Operable',
  3: 'Documented',
  4: 'Healthy',
};

/** What a level means, for tooltips and help text. */
export const MATURITY_LEVEL_DESCRIPTIONS: Record<MaturityLevel, string> = {
  0: 'No valid owning team',
  1: 'Owned by a team with members',
  2: 'Owned, with an on-call rotation and a runbook',
  3: 'Operable, with fresh runbooks and ADRs',
  4: 'Documented, without overdue tech debt',
};

/** `Level 3 · Documented`. */
export function maturityLabel(level: MaturityLevel): string {
  return `Level ${level} · ${MATURITY_LEVEL_NAMES[level] ?? 'Unknown'}`;
}
