import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen } from '@testing-library/react';
import { AdrStatusChip, newestFirst } from './AdrStatusChip';

describe('newestFirst', () => {
  it('puts the newest decision first and keeps undated ones last, in their order', () => {
    const adrs = [
      { title: 'undated a' },
      { title: 'old', date: '2024-01-05' },
      { title: 'undated b' },
      { title: 'new', date: '2026-03-01' },
      { title: 'middle', date: '2025-07-12' },
    ];

    expect(newestFirst(adrs).map(a => a.title)).toEqual([
      'new',
      'middle',
      'old',
      'undated a',
      'undated b',
    ]);
  });

  it('does not reorder the list it is given', () => {
    const adrs = [{ date: '2020-01-01' }, { date: '2021-01-01' }];

    newestFirst(adrs);

    expect(adrs[0].date).toBe('2020-01-01');
  });
});

describe('AdrStatusChip', () => {
  it('names the status', async () => {
    await renderInTestApp(<AdrStatusChip status="superseded" />);

    expect(screen.getByText('superseded')).toBeInTheDocument();
  });
});
