/**
 * Extension points of the Ownership Portal backend, for backend modules that
 * add audit rules and on-call providers, and the resilience helpers every
 * remote integration uses.
 *
 * @packageDocumentation
 */

export * from './rules';
export * from './oncall';
export * from './resilience';
export * from './techdebt';
export { DAY_MS } from '@ownership-portal/plugin-ownership-rules';
