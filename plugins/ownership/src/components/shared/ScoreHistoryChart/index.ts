export {
  ScoreHistoryChart,
  describeScoreHistory,
  type ScoreHistoryChartProps,
  type ScorePoint,
} from './ScoreHistoryChart';
