export { CampaignStateChip } from './CampaignStateChip';
