/**
 * Extension points of the Ownership Portal backend, for backend modules that
 * add audit rules (and, in later releases, on-call providers and document
 * sources).
 *
 * @packageDocumentation
 */

export * from './rules';
