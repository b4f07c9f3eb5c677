/**
 * Types, rule ids, annotation keys and permissions shared by the Ownership
 * Portal's frontend, backend and backend modules.
 *
 * @packageDocumentation
 */

export * from './annotations';
export * from './rules';
export * from './permissions';
export * from './contract';
export * from './record';
export * from './slo';
