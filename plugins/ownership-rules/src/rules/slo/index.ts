import type { OwnershipRule } from '../types';
import { sloMissingRule } from './sloMissing';

/** Rules about service level objectives. */
export const sloRules: OwnershipRule[] = [sloMissingRule];
