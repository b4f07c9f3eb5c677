import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { Route, Routes } from 'react-router-dom';
import { OwnershipPage, ownershipPlugin } from './plugin';
import { overviewOf, ownershipApiWith } from './testing/fixtures';

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
          ownershipApiWith(overviewOf({ Component: 2 }, { production: 2 })),
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
