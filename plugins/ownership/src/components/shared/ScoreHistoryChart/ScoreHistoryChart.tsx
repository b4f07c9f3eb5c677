import {
  type TranslationFunction,
  useTranslationRef,
} from '@backstage/frontend-plugin-api';
import Typography from '@mui/material/Typography';
import { useTheme } from '@mui/material/styles';
import { ownershipTranslationRef } from '../../../translation';
import { formatDate } from '../format';

/** One point of the chart: a run and the score in it. */
export interface ScorePoint {
  runId: number;
  finishedAt: string;
  /** 0–100. */
  score: number;
}

/**
 * A sentence that says what the chart shows, for its accessible name, e.g.
 * `Score per audit run: 5 runs from 2026-10-24 to 2026-11-28, from 40 to 86
 * (lowest 40, highest 86).`; `t` is the plugin's translation function
 * (`useTranslationRef(ownershipTranslationRef).t`).
 */
export function describeScoreHistory(
  points: ScorePoint[],
  t: TranslationFunction<typeof ownershipTranslationRef.T>,
): string {
  if (points.length === 0) {
    return t('scoreHistory.none');
  }
  const first = points[0];
  const last = points[points.length - 1];
  if (points.length === 1) {
    return t('scoreHistory.oneRun', {
      date: formatDate(first.finishedAt),
      score: String(first.score),
    });
  }
  const scores = points.map(p => p.score);
  const low = Math.min(...scores);
  const high = Math.max(...scores);
  let trend: string = t('scoreHistory.unchanged');
  if (last.score > first.score) trend = t('scoreHistory.up');
  if (last.score < first.score) trend = t('scoreHistory.down');
  return t('scoreHistory.runs', {
    count: points.length,
    from: formatDate(first.finishedAt),
    to: formatDate(last.finishedAt),
    trend,
    first: String(first.score),
    last: String(last.score),
    low: String(low),
    high: String(high),
  });
}

/** Props of {@link ScoreHistoryChart}. */
interface ScoreHistoryChartProps {
  /** Oldest first. */
  points: ScorePoint[];
  width?: number;
  height?: number;
}

const PAD = { top: 8, right: 8, bottom: 18, left: 28 };

/**
 * A small line chart of the score (0–100) per audit run, oldest on the left.
 * It is one image for assistive technology, named by a summary sentence.
 */
export function ScoreHistoryChart(props: ScoreHistoryChartProps) {
  const { points, width = 480, height = 120 } = props;
  const theme = useTheme();
  const { t } = useTranslationRef(ownershipTranslationRef);

  if (points.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary">
        {t('scoreHistory.empty')}
      </Typography>
    );
  }

  const plotWidth = width - PAD.left - PAD.right;
  const plotHeight = height - PAD.top - PAD.bottom;
  const x = (i: number) =>
    PAD.left +
    (points.length === 1
      ? plotWidth / 2
      : (i / (points.length - 1)) * plotWidth);
  const y = (score: number) =>
    PAD.top + (1 - Math.min(100, Math.max(0, score)) / 100) * plotHeight;
  const line = points.map((p, i) => `${x(i)},${y(p.score)}`).join(' ');
  const axisColor = theme.palette.divider;
  const textColor = theme.palette.text.secondary;
  const lineColor = theme.palette.primary.main;

  return (
    <svg
      role="img"
      aria-label={describeScoreHistory(points, t)}
      viewBox={`0 0 ${width} ${height}`}
      width="100%"
      style={{ maxWidth: width, display: 'block' }}
      preserveAspectRatio="xMinYMid meet"
    >
      {[0, 50, 100].map(tick => (
        <g key={tick}>
          <line
            x1={PAD.left}
            x2={width - PAD.right}
            y1={y(tick)}
            y2={y(tick)}
            stroke={axisColor}
            strokeDasharray={tick === 0 ? undefined : '2 3'}
          />
          <text
            x={PAD.left - 4}
            y={y(tick)}
            textAnchor="end"
            dominantBaseline="middle"
            fontSize={10}
            fill={textColor}
          >
            {tick}
          </text>
        </g>
      ))}
      <text
        x={PAD.left}
        y={height - 4}
        fontSize={10}
        fill={textColor}
        textAnchor="start"
      >
        {formatDate(points[0].finishedAt)}
      </text>
      {points.length > 1 && (
        <text
          x={width - PAD.right}
          y={height - 4}
          fontSize={10}
          fill={textColor}
          textAnchor="end"
        >
          {formatDate(points[points.length - 1].finishedAt)}
        </text>
      )}
      {points.length > 1 && (
        <polyline
          points={line}
          fill="none"
          stroke={lineColor}
          strokeWidth={2}
          strokeLinejoin="round"
        />
      )}
      {points.map((p, i) => (
        <circle key={p.runId} cx={x(i)} cy={y(p.score)} r={3} fill={lineColor}>
          <title>
            {t('scoreHistory.point', {
              runId: String(p.runId),
              date: formatDate(p.finishedAt),
              score: String(p.score),
            })}
          </title>
        </circle>
      ))}
    </svg>
  );
}
