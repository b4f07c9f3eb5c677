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
import { rootRouteRef } from '../../routes';
import { campaign, campaignDetails } from '../../testing/campaignFixtures';
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
  listCampaigns: async () => ({ items: [campaign()] }),
  getCampaign: async () => campaignDetails(),
  getCampaignCsvUrl: async id =>
    `http://backend.test/campaigns/${id}/export.csv`,
  getCampaignEvidenceUrl: async id =>
    `http://backend.test/campaigns/${id}/evidence.json`,
  listPendingAttestations: async () => ({ items: [] }),
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
      mountedRoutes: {
        '/catalog/:namespace/:kind/:name': entityRouteRef,
        '/ownership': rootRouteRef,
      },
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

  it('links its sections as navigation tabs, marking the current one', async () => {
    await renderPage('/ownership/campaigns');

    const nav = screen.getByRole('navigation', { name: 'Ownership sections' });
    expect(nav).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Dashboard' })).toHaveAttribute(
      'href',
      '/ownership',
    );
    expect(
      screen.getByRole('tab', { name: "Your team's attestations" }),
    ).toHaveAttribute('href', '/ownership/attestations');
    expect(screen.getByRole('tab', { name: 'Campaigns' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
  });

  it('shows the campaigns at campaigns, each linking to its page', async () => {
    await renderPage('/ownership/campaigns');

    expect(
      await screen.findByRole('link', { name: 'Q4 ownership review' }),
    ).toHaveAttribute('href', '/ownership/campaigns/7');
  });

  it('shows a campaign at campaigns/:id', async () => {
    await renderPage('/ownership/campaigns/7');

    expect(
      await screen.findByRole('heading', { name: 'Q4 ownership review' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Campaigns' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
  });

  it("shows the user's pending attestations at attestations", async () => {
    await renderPage('/ownership/attestations');

    expect(
      await screen.findByText(/your teams have answered every item/),
    ).toBeInTheDocument();
  });

  it('sends unknown sub-paths to the dashboard', async () => {
    await renderPage('/ownership/nothing-here');

    await waitFor(() =>
      expect(screen.getByTestId('location')).toHaveTextContent(/^\/ownership$/),
    );
  });
});
