export * from './types';
export { DatabaseRunStore } from './RunStore';
export { DatabaseResultStore } from './ResultStore';
export { applyMigrations } from './migrations';
export * from './campaignTypes';
export { DatabaseCampaignStore } from './CampaignStore';
