import type { OwnershipRule } from '@ownership-portal/plugin-ownership-node';
import { oncallRules } from './oncall';
import { ownerRules } from './owner';

/** The rules every ownership backend has; modules add more. */
export const builtInRules: OwnershipRule[] = [...ownerRules, ...oncallRules];
