import type { OwnershipRule } from '../types';
import { techDebtOverdueRule } from './techDebtOverdue';
import { techDebtRegisterInvalidRule } from './techDebtRegisterInvalid';
import { techDebtUntriagedRule } from './techDebtUntriaged';

/** The built-in tech debt rules. */
export const techDebtRules: OwnershipRule[] = [
  techDebtOverdueRule,
  techDebtUntriagedRule,
  techDebtRegisterInvalidRule,
];
