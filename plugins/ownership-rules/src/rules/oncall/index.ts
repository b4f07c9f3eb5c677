import type { OwnershipRule } from '../types';
import { oncallAnnotationInvalidRule } from './oncallAnnotationInvalid';
import { oncallGapRule } from './oncallGap';
import { oncallMissingRule } from './oncallMissing';

/** The built-in on-call rules. */
export const oncallRules: OwnershipRule[] = [
  oncallMissingRule,
  oncallGapRule,
  oncallAnnotationInvalidRule,
];
