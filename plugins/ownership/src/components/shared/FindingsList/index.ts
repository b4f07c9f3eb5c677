export {
  FindingsList,
  severitySummary,
  sortFindings,
  type FindingsListProps,
} from './FindingsList';
export { SeverityIcon } from './SeverityIcon';
