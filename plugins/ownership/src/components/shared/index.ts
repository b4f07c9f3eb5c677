export { AdrStatusChip, newestFirst } from './AdrStatusChip';
export { ContactLinks } from './ContactLinks';
export {
  FindingsList,
  SeverityIcon,
  severitySummary,
  sortFindings,
  type FindingsListProps,
} from './FindingsList';
export {
  FreshnessBadge,
  RunbookStatusBadge,
  type FreshnessBadgeProps,
} from './FreshnessBadge';
export {
  NoRotationHint,
  OnCallBlock,
  byLevel,
  RelativeTime,
  Until,
  escalationStepText,
  type OnCallBlockProps,
} from './OnCallBlock';
export { OwnerStatusChip } from './OwnerStatusChip';
export {
  ScoreHistoryChart,
  describeScoreHistory,
  type ScoreHistoryChartProps,
  type ScorePoint,
} from './ScoreHistoryChart';
export { DocumentLink, type DocumentLinkProps } from './DocumentLink';
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
  LoadErrorState,
  NotAuditedState,
  ServiceDetailsLoader,
  useServiceDetails,
  type AuditResultLoaderProps,
  type ServiceDetailsLoaderProps,
} from './ServiceDetailsLoader';
export {
  useCursorPages,
  type CursorPages,
  type CursorPagination,
  type PageRequest,
} from './useCursorPages';
export * from './format';
export * from './maturity';
export { isNotFoundError } from './notFound';
