import type { OwnershipRule } from '../types';
import { runbookMissingRule } from './runbookMissing';
import { runbookStaleRule } from './runbookStale';
import { runbookUnreachableRule } from './runbookUnreachable';

/** The built-in runbook rules. */
export const runbookRules: OwnershipRule[] = [
  runbookMissingRule,
  runbookStaleRule,
  runbookUnreachableRule,
];
