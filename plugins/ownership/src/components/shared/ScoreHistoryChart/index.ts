export {
  ScoreHistoryChart,
  describeScoreHistory,
  type ScorePoint,
} from './ScoreHistoryChart';
