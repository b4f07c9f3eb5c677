import type { OwnershipRule } from '@ownership-portal/plugin-ownership-node';
import { oncallGapRule } from './oncallGap';
import { oncallMissingRule } from './oncallMissing';

/** The built-in on-call rules. */
export const oncallRules: OwnershipRule[] = [oncallMissingRule, oncallGapRule];
