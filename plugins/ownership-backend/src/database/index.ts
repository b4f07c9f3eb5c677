export * from './types';
export { DatabaseRunStore } from './RunStore';
export { DatabaseResultStore } from './ResultStore';
export { applyMigrations } from './migrations';
