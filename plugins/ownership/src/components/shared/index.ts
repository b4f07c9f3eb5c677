export { AdrStatusChip, newestFirst } from './AdrStatusChip';
export { ContactLinks } from './ContactLinks';
export { FindingsList, SeverityIcon, severitySummary } from './FindingsList';
export { RunbookStatusBadge } from './FreshnessBadge';
export { OnCallBlock, byLevel, Until } from './OnCallBlock';
export { OwnerStatusChip } from './OwnerStatusChip';
export {
  ScoreHistoryChart,
  describeScoreHistory,
  type ScorePoint,
} from './ScoreHistoryChart';
export { DocumentLink } from './DocumentLink';
export { ErrorPanelWithRetry } from './ErrorPanelWithRetry';
export { Hint } from './Hint';
export { InlineRow } from './InlineRow';
export { MaturityChip } from './MaturityChip';
export { OverlayProgress } from './OverlayProgress';
export { RunbookLink } from './RunbookLink';
export {
  ReadStateNote,
  StaleCopyChip,
  UnknownReadChip,
  readStateTexts,
  type ReadStateTexts,
} from './ReadStateNote';
export { Section, SectionHeading } from './SectionHeading';
export {
  AuditResultLoader,
  ServiceDetailsLoader,
  useServiceDetails,
} from './ServiceDetailsLoader';
export { useCursorPages, type PageRequest } from './useCursorPages';
export * from './format';
export * from './maturity';
export { isNotFoundError } from './notFound';
export { CampaignProgressBar } from './CampaignProgressBar';
export { CampaignStateChip } from './CampaignStateChip';
export { errorMessage } from './errorMessage';
export { formatDay, fromDateInput, toDateInput } from './campaignDates';
export { useCampaignLink } from './useCampaignLink';
export { SloLink } from './SloLink';
