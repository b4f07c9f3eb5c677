export { CampaignProgressBar } from './CampaignProgressBar';
