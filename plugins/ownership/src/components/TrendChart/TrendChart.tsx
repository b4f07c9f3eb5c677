import {
  type TranslationFunction,
  useTranslationRef,
} from '@backstage/frontend-plugin-api';
import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import { useTheme } from '@mui/material/styles';
import Typography from '@mui/material/Typography';
import type { TrendPoint } from '@ownership-portal/plugin-ownership-common';
import { ownershipTranslationRef } from '../../translation';

/** Properties of {@link TrendChart}. */
interface TrendChartProps {
  /** Stored runs, oldest first. */
  points: TrendPoint[];
}

// Drawing area in viewBox units; the SVG scales to the width of its card.
const WIDTH = 640;
const HEIGHT = 240;
const MARGIN = { top: 16, right: 20, bottom: 52, left: 60 };
const PLOT_WIDTH = WIDTH - MARGIN.left - MARGIN.right;
const PLOT_HEIGHT = HEIGHT - MARGIN.top - MARGIN.bottom;
const TICKS = [0, 25, 50, 75, 100];

const DAY = 24 * 60 * 60 * 1000;

function formatDate(iso: string, withTime = false): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) {
    return iso;
  }
  return withTime
    ? date.toLocaleString(undefined, {
        day: 'numeric',
        month: 'short',
        hour: '2-digit',
        minute: '2-digit',
      })
    : date.toLocaleDateString(undefined, { day: 'numeric', month: 'short' });
}

/** Runs within a few days of each other are told apart by their time. */
function needsTime(points: TrendPoint[]): boolean {
  if (points.length < 2) {
    return false;
  }
  const first = Date.parse(points[0].finishedAt);
  const last = Date.parse(points[points.length - 1].finishedAt);
  return last - first < 3 * DAY;
}

function x(index: number, count: number): number {
  return count < 2
    ? MARGIN.left + PLOT_WIDTH / 2
    : MARGIN.left + (index / (count - 1)) * PLOT_WIDTH;
}

function y(percent: number): number {
  const clamped = Math.max(0, Math.min(100, percent));
  return MARGIN.top + PLOT_HEIGHT - (clamped / 100) * PLOT_HEIGHT;
}

function linePath(values: number[]): string {
  return values
    .map(
      (v, i) =>
        `${i === 0 ? 'M' : 'L'}${x(i, values.length).toFixed(1)},${y(v).toFixed(
          1,
        )}`,
    )
    .join(' ');
}

/** Indices of the runs labelled on the x axis: first, last and up to three between. */
function labelledIndices(count: number): number[] {
  if (count <= 5) {
    return Array.from({ length: count }, (_, i) => i);
  }
  const step = (count - 1) / 4;
  return [0, 1, 2, 3, 4].map(i => Math.round(i * step));
}

/** The first and last labels stay inside the drawing. */
function labelAnchor(index: number, count: number): 'start' | 'middle' | 'end' {
  if (count < 2) {
    return 'middle';
  }
  if (index === 0) {
    return 'start';
  }
  return index === count - 1 ? 'end' : 'middle';
}

/**
 * What the chart shows, in words, for screen readers; `t` is the plugin's
 * translation function (`useTranslationRef(ownershipTranslationRef).t`).
 */
export function describeTrend(
  points: TrendPoint[],
  t: TranslationFunction<typeof ownershipTranslationRef.T>,
): string {
  if (points.length === 0) {
    return t('trendChart.none');
  }
  const first = points[0];
  const last = points[points.length - 1];
  const share = (p: TrendPoint) => `${Math.round(p.validOwnerShare * 100)}%`;
  const score = (p: TrendPoint) => `${Math.round(p.averageScore)}`;
  if (points.length === 1) {
    return t('trendChart.oneRun', {
      date: formatDate(first.finishedAt),
      share: share(first),
      score: score(first),
    });
  }
  return t('trendChart.trend', {
    count: points.length,
    from: formatDate(first.finishedAt, needsTime(points)),
    to: formatDate(last.finishedAt, needsTime(points)),
    firstShare: share(first),
    lastShare: share(last),
    firstScore: score(first),
    lastScore: score(last),
  });
}

function LegendItem(props: { color: string; dashed?: boolean; label: string }) {
  return (
    <Stack direction="row" spacing={1} alignItems="center">
      <svg width="28" height="10" aria-hidden="true">
        <line
          x1="0"
          y1="5"
          x2="28"
          y2="5"
          stroke={props.color}
          strokeWidth="3"
          strokeDasharray={props.dashed ? '6 4' : undefined}
        />
      </svg>
      <Typography variant="body2">{props.label}</Typography>
    </Stack>
  );
}

/**
 * A line chart of the audit trend, drawn as inline SVG: the share of services
 * with a valid owning team and the average score (both 0–100) per stored run.
 *
 * @public
 */
export function TrendChart(props: TrendChartProps) {
  const { points } = props;
  const theme = useTheme();
  const { t } = useTranslationRef(ownershipTranslationRef);

  if (points.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary">
        {t('trendChart.empty')}
      </Typography>
    );
  }

  const shareColor = theme.palette.primary.main;
  const scoreColor = theme.palette.secondary.main;
  const textColor = theme.palette.text.secondary;
  const gridColor = theme.palette.divider;
  const shares = points.map(p => p.validOwnerShare * 100);
  const scores = points.map(p => p.averageScore);
  const fontSize = 12;
  const withTime = needsTime(points);

  return (
    <Stack spacing={1}>
      <Box
        component="svg"
        role="img"
        aria-label={describeTrend(points, t)}
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        sx={{ width: '100%', height: 'auto', display: 'block' }}
      >
        {TICKS.map(tick => (
          <g key={tick}>
            <line
              x1={MARGIN.left}
              x2={WIDTH - MARGIN.right}
              y1={y(tick)}
              y2={y(tick)}
              stroke={gridColor}
              strokeWidth={1}
            />
            <text
              x={MARGIN.left - 8}
              y={y(tick)}
              textAnchor="end"
              dominantBaseline="middle"
              fill={textColor}
              fontSize={fontSize}
            >
              {tick}
            </text>
          </g>
        ))}
        <text
          transform={`translate(16 ${
            MARGIN.top + PLOT_HEIGHT / 2
          }) rotate(-90)`}
          textAnchor="middle"
          fill={textColor}
          fontSize={fontSize}
        >
          {t('trendChart.yAxis')}
        </text>
        {labelledIndices(points.length).map(i => (
          <text
            key={points[i].runId}
            x={x(i, points.length)}
            y={MARGIN.top + PLOT_HEIGHT + 18}
            textAnchor={labelAnchor(i, points.length)}
            fill={textColor}
            fontSize={fontSize}
          >
            {formatDate(points[i].finishedAt, withTime)}
          </text>
        ))}
        <text
          x={MARGIN.left + PLOT_WIDTH / 2}
          y={HEIGHT - 8}
          textAnchor="middle"
          fill={textColor}
          fontSize={fontSize}
        >
          {t('trendChart.xAxis')}
        </text>
        <path
          d={linePath(shares)}
          fill="none"
          stroke={shareColor}
          strokeWidth={2.5}
        />
        <path
          d={linePath(scores)}
          fill="none"
          stroke={scoreColor}
          strokeWidth={2.5}
          strokeDasharray="6 4"
        />
        {points.map((p, i) => (
          <g key={p.runId}>
            <title>
              {t('trendChart.point', {
                runId: String(p.runId),
                date: formatDate(p.finishedAt, true),
                share: String(Math.round(shares[i])),
                score: String(Math.round(scores[i])),
              })}
            </title>
            <circle
              cx={x(i, points.length)}
              cy={y(shares[i])}
              r={3.5}
              fill={shareColor}
            />
            <circle
              cx={x(i, points.length)}
              cy={y(scores[i])}
              r={3.5}
              fill={scoreColor}
            />
          </g>
        ))}
      </Box>
      <Stack direction="row" spacing={3} flexWrap="wrap" useFlexGap>
        <LegendItem color={shareColor} label={t('trendChart.shareLegend')} />
        <LegendItem
          color={scoreColor}
          dashed
          label={t('trendChart.scoreLegend')}
        />
      </Stack>
    </Stack>
  );
}
