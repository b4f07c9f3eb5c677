export { FindingsList, severitySummary } from './FindingsList';
export { SeverityIcon } from './SeverityIcon';
