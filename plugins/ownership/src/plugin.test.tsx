import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { Route, Routes } from 'react-router-dom';
import { ownershipApiRef } from './api';
import { OwnershipPage, ownershipPlugin } from './plugin';

describe('legacy frontend system exports', () => {
  it('exposes the plugin with its route and API', () => {
    expect(ownershipPlugin.getId()).toBe('ownership');
    expect(ownershipPlugin.routes.root).toBeDefined();
    expect([...ownershipPlugin.getApis()].map(f => f.api.id)).toEqual([
      'plugin.ownership.api',
    ]);
  });

  it('renders the routable page with its header', async () => {
    await renderInTestApp(
      <TestApiProvider
        apis={[
          [
            ownershipApiRef,
            {
              getOverview: async () => ({
                scopeKinds: ['Component'],
                kinds: [{ kind: 'Component', count: 2 }],
                total: 2,
                lifecycles: { production: 2 },
                generatedAt: '2026-11-28T10:00:00.000Z',
              }),
              listRules: async () => ({ items: [] }),
            },
          ],
        ]}
      >
        <Routes>
          <Route path="/ownership" element={<OwnershipPage />} />
        </Routes>
      </TestApiProvider>,
      { routeEntries: ['/ownership'] },
    );

    expect(
      screen.getByRole('heading', { name: 'Ownership', level: 1 }),
    ).toBeInTheDocument();
    expect(
      await screen.findByText('2 catalog entities in the ownership audit'),
    ).toBeInTheDocument();
  });
});
