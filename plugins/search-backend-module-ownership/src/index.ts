/**
 * Backstage search collator for the Ownership Portal: one document per
 * audited entity with its owner, on-call rotation, runbooks, ADRs and open
 * findings.
 *
 * @packageDocumentation
 */

export { searchModuleOwnershipCollator as default } from './module';
export {
  OwnershipCollatorFactory,
  type OwnershipCollatorFactoryOptions,
} from './collator/OwnershipCollatorFactory';
