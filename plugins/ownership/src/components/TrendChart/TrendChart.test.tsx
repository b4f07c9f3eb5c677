import { mockApis } from '@backstage/frontend-test-utils';
import { renderInTestApp } from '@backstage/test-utils';
import type { TrendPoint } from '@ownership-portal/plugin-ownership-common';
import { screen } from '@testing-library/react';
import { summaryResponse } from '../../testing/fixtures';
import { ownershipTranslationRef } from '../../translation';
import { TrendChart, describeTrend as describeWith } from './TrendChart';

const { t } = mockApis.translation().getTranslation(ownershipTranslationRef);
const describeTrend = (points: TrendPoint[]) => describeWith(points, t);

describe('TrendChart', () => {
  it('draws the valid-owner share and the average score with an accessible description', async () => {
    const { trend } = summaryResponse();
    await renderInTestApp(<TrendChart points={trend} />);

    const chart = screen.getByRole('img', { name: /^Trend over 4 audit runs/ });
    expect(chart).toHaveAccessibleName(
      expect.stringMatching(
        /services with a valid owning team from 70% to 90%; average score from 58 to 78\.$/,
      ),
    );
    expect(chart.querySelectorAll('path')).toHaveLength(2);
    expect(chart.querySelectorAll('circle')).toHaveLength(8);
    expect(screen.getByText('% of services · score')).toBeInTheDocument();
    expect(screen.getByText('Audit run (finished)')).toBeInTheDocument();
    expect(
      screen.getByText('Valid owning team (% of services)'),
    ).toBeInTheDocument();
    expect(screen.getByText('Average score (0–100)')).toBeInTheDocument();
  });

  it('describes a single run', () => {
    const [point] = summaryResponse().trend.slice(-1);
    expect(describeTrend([point])).toMatch(
      /^One audit run, finished .+: 90% of services with a valid owning team, average score 78\.$/,
    );
  });

  it('says when there is no run to draw', async () => {
    await renderInTestApp(<TrendChart points={[]} />);

    expect(
      screen.getByText(
        'The trend appears here once an audit run has completed.',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('img')).not.toBeInTheDocument();
  });
});
