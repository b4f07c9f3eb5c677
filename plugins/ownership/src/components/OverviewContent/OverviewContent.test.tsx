import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { overviewOf, ownershipApiWith } from '../../testing/fixtures';
import { OverviewContent } from './OverviewContent';

const overview = overviewOf(
  { Component: 42, System: 7 },
  { production: 40, experimental: 9 },
);

describe('OverviewContent', () => {
  it('shows the audited entities per kind and lifecycle', async () => {
    await renderInTestApp(<OverviewContent />, {
      apis: [ownershipApiWith(overview)],
    });

    expect(
      await screen.findByText('49 catalog entities in the ownership audit'),
    ).toBeInTheDocument();
    const components = screen.getByRole('region', {
      name: 'Component entities',
    });
    expect(components).toHaveTextContent('42');
    expect(screen.getByText('production: 40')).toBeInTheDocument();
    expect(screen.getByText('experimental: 9')).toBeInTheDocument();
  });

  it('says what to add to the catalog when nothing is in scope', async () => {
    await renderInTestApp(<OverviewContent />, {
      apis: [
        ownershipApiWith({ ...overview, kinds: [], total: 0, lifecycles: {} }),
      ],
    });

    expect(await screen.findByText('Nothing to audit yet')).toBeInTheDocument();
    expect(screen.getByText('catalog-info.yaml')).toBeInTheDocument();
  });

  it('names the failure and retries on request', async () => {
    const getOverview = jest
      .fn()
      .mockRejectedValueOnce(
        new Error('Request failed with 503 Service Unavailable'),
      )
      .mockResolvedValueOnce(overview);
    await renderInTestApp(<OverviewContent />, {
      apis: [ownershipApiWith(getOverview)],
    });

    expect(
      await screen.findByText('Could not load the ownership overview'),
    ).toBeInTheDocument();
    expect(screen.getByText(/503 Service Unavailable/)).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));

    expect(
      await screen.findByText('49 catalog entities in the ownership audit'),
    ).toBeInTheDocument();
    expect(getOverview).toHaveBeenCalledTimes(2);
  });
});
