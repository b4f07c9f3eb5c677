export { TrendChart, describeTrend, type TrendChartProps } from './TrendChart';
