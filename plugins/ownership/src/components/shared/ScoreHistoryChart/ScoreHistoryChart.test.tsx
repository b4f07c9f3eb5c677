import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { screen } from '@testing-library/react';
import { ownershipTranslationRef } from '../../../translation';
import {
  ScoreHistoryChart,
  type ScorePoint,
  describeScoreHistory as describeWith,
} from './ScoreHistoryChart';

const { t } = mockApis.translation().getTranslation(ownershipTranslationRef);
const describeScoreHistory = (runs: ScorePoint[]) => describeWith(runs, t);

const points = [
  { runId: 1, finishedAt: '2026-11-01T06:00:00.000Z', score: 90 },
  { runId: 2, finishedAt: '2026-11-08T06:00:00.000Z', score: 70 },
  { runId: 3, finishedAt: '2026-11-15T06:00:00.000Z', score: 75 },
];

describe('ScoreHistoryChart', () => {
  it('summarises the trend in its accessible name', async () => {
    await renderInTestApp(<ScoreHistoryChart points={points} />);

    const chart = screen.getByRole('img');
    expect(chart).toHaveAccessibleName(
      'Score per audit run: 3 runs from 2026-11-01 to 2026-11-15, down from 90 to 75 (lowest 70, highest 90).',
    );
    expect(chart.querySelector('polyline')).not.toBeNull();
    expect(chart.querySelectorAll('circle')).toHaveLength(3);
  });

  it('describes a single run and no runs', async () => {
    expect(describeScoreHistory([points[0]])).toBe(
      'Score per audit run: 1 run on 2026-11-01, score 90.',
    );
    expect(describeScoreHistory([])).toBe('Score per audit run: no runs yet.');

    await renderInTestApp(<ScoreHistoryChart points={[]} />);
    expect(screen.queryByRole('img')).toBeNull();
    expect(screen.getByText(/No audit history yet/)).toBeInTheDocument();
  });
});
