import type { OwnershipRule } from '../types';
import { adrMissingRule } from './adrMissing';
import { adrStaleProposalRule } from './adrStaleProposal';

/** The built-in ADR rules. */
export const adrRules: OwnershipRule[] = [adrMissingRule, adrStaleProposalRule];
