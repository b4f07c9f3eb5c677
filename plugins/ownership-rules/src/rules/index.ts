import type { OwnershipRule } from './types';
import { adrRules } from './adr';
import { oncallRules } from './oncall';
import { ownerRules } from './owner';
import { runbookRules } from './runbook';
import { sloRules } from './slo';
import { techDebtRules } from './techdebt';

/**
 * The rules every ownership backend has; modules add more.
 *
 * @public
 */
export const builtInRules: OwnershipRule[] = [
  ...ownerRules,
  ...oncallRules,
  ...runbookRules,
  ...adrRules,
  ...sloRules,
  ...techDebtRules,
];
