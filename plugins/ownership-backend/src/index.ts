/**
 * The Ownership Portal backend plugin: reads the catalog, audits ownership
 * and serves the results under `/api/ownership`.
 *
 * @packageDocumentation
 */

export { ownershipPlugin as default } from './plugin';
