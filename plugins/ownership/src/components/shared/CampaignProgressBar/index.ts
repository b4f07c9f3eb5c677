export { CampaignProgressBar, answeredPercent } from './CampaignProgressBar';
