/**
 * The Ownership Portal frontend plugin for the new frontend system.
 *
 * @packageDocumentation
 */

export { ownershipPlugin as default } from './alpha/plugin';
export { ownershipTranslationRef } from './translation';
