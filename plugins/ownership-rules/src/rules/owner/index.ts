import type { OwnershipRule } from '../types';
import { ownerCodeownersMismatchRule } from './ownerCodeownersMismatch';
import { ownerDisputedRule } from './ownerDisputed';
import { ownerEmptyTeamRule } from './ownerEmptyTeam';
import { ownerIndividualRule } from './ownerIndividual';
import { ownerMissingRule } from './ownerMissing';
import { ownerUnresolvedRule } from './ownerUnresolved';

/** The built-in owner rules. */
export const ownerRules: OwnershipRule[] = [
  ownerMissingRule,
  ownerUnresolvedRule,
  ownerIndividualRule,
  ownerEmptyTeamRule,
  ownerDisputedRule,
  ownerCodeownersMismatchRule,
];
