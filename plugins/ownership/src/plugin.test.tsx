import { permissionApiRef } from '@backstage/plugin-permission-react';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { Route, Routes } from 'react-router-dom';
import { ownershipApiRef } from './api';
import { OwnershipPage, ownershipPlugin } from './plugin';
import {
  auditRun,
  fakeOwnershipApi,
  page,
  summaryResponse,
} from './testing/fixtures';

describe('legacy frontend system exports', () => {
  it('exposes the plugin with its route and API', () => {
    expect(ownershipPlugin.getId()).toBe('ownership');
    expect(ownershipPlugin.routes.root).toBeDefined();
    expect([...ownershipPlugin.getApis()].map(f => f.api.id)).toEqual([
      'plugin.ownership.api',
    ]);
  });

  it('renders the routable page with its header and the audit dashboard', async () => {
    await renderInTestApp(
      <TestApiProvider
        apis={[
          [
            ownershipApiRef,
            fakeOwnershipApi({
              getSummary: async () => summaryResponse(),
              getLatestRun: async () => auditRun(),
              listTeams: async () => page([]),
              listFindings: async () => page([]),
              listRules: async () => ({ items: [] }),
            }),
          ],
          [permissionApiRef, mockApis.permission()],
        ]}
      >
        <Routes>
          <Route path="/ownership/*" element={<OwnershipPage />} />
        </Routes>
      </TestApiProvider>,
      { routeEntries: ['/ownership'] },
    );

    expect(
      screen.getByRole('heading', { name: 'Ownership', level: 1 }),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole('region', { name: 'Services audited' }),
    ).toHaveTextContent('40');
  }, 20_000);
});
