export type { AdrFirstSeenStore } from './AdrFirstSeenStore';
export { DatabaseAdrFirstSeenStore } from './DatabaseAdrFirstSeenStore';
