export { TrendChart, describeTrend } from './TrendChart';
