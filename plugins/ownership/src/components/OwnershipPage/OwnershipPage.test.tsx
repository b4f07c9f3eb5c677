import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { screen, waitFor } from '@testing-library/react';
import { Route, Routes, useLocation } from 'react-router-dom';
import { ownershipApiRef } from '../../api';
import {
  auditRun,
  fakeOwnershipApi,
  lookupMatch,
  page,
  summaryResponse,
} from '../../testing/fixtures';
import { OwnershipPage } from './OwnershipPage';

const api = fakeOwnershipApi({
  getSummary: async () => summaryResponse(),
  getLatestRun: async () => auditRun(),
  listTeams: async () => page([]),
  listFindings: async () => page([]),
  listRules: async () => ({ items: [] }),
  lookup: async query => ({ query, items: [lookupMatch('payments-api')] }),
});

function Location() {
  return <div data-testid="location">{useLocation().pathname}</div>;
}

async function renderPage(route: string) {
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [ownershipApiRef, api],
        [permissionApiRef, mockApis.permission()],
      ]}
    >
      <Routes>
        <Route path="/ownership/*" element={<OwnershipPage />} />
      </Routes>
      <Location />
    </TestApiProvider>,
    {
      routeEntries: [route],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    },
  );
}

describe('OwnershipPage', () => {
  it('shows the audit dashboard at its root', async () => {
    await renderPage('/ownership');

    expect(
      screen.getByRole('heading', { name: 'Ownership', level: 1 }),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole('region', { name: 'Services audited' }),
    ).toHaveTextContent('40');
  });

  it('shows the incident lookup at lookup', async () => {
    await renderPage('/ownership/lookup?q=payments');

    expect(
      screen.getByRole('heading', { name: 'Incident lookup' }),
    ).toBeInTheDocument();
    expect(await screen.findByRole('option')).toHaveTextContent('Payments API');
    expect(
      screen.getByRole('link', { name: 'Audit dashboard' }),
    ).toHaveAttribute('href', '/ownership');
  });

  it('sends unknown sub-paths to the dashboard', async () => {
    await renderPage('/ownership/nothing-here');

    await waitFor(() =>
      expect(screen.getByTestId('location')).toHaveTextContent(/^\/ownership$/),
    );
  });
});
