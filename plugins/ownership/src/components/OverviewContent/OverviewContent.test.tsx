import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { OwnershipOverview } from '@ownership-portal/plugin-ownership-common';
import { type OwnershipApi, ownershipApiRef } from '../../api';
import { OverviewContent } from './OverviewContent';

const overview: OwnershipOverview = {
  scopeKinds: ['Component', 'System'],
  kinds: [
    { kind: 'Component', count: 42 },
    { kind: 'System', count: 7 },
  ],
  total: 49,
  lifecycles: { production: 40, experimental: 9 },
  generatedAt: '2026-11-28T10:00:00.000Z',
};

function apiWith(getOverview: OwnershipApi['getOverview']) {
  return [ownershipApiRef, { getOverview, listRules: jest.fn() }] as const;
}

describe('OverviewContent', () => {
  it('shows the audited entities per kind and lifecycle', async () => {
    await renderInTestApp(<OverviewContent />, {
      apis: [apiWith(async () => overview)],
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
        apiWith(async () => ({
          ...overview,
          kinds: [],
          total: 0,
          lifecycles: {},
        })),
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
      apis: [apiWith(getOverview)],
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
