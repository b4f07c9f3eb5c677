import { coreExtensionData } from '@backstage/frontend-plugin-api';
import {
  createExtensionTester,
  renderInTestApp,
  renderTestApp,
} from '@backstage/frontend-test-utils';
import { registerMswTestHooks } from '@backstage/test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import ownershipPlugin from '../alpha';
import { ownershipApiRef } from '../api';
import {
  campaign,
  campaignDetails,
  pendingItem,
} from '../testing/campaignFixtures';
import {
  auditRun,
  fakeOwnershipApi,
  page,
  summaryResponse,
} from '../testing/fixtures';

const apis = [
  [
    ownershipApiRef,
    fakeOwnershipApi({
      getSummary: async () => summaryResponse(),
      getLatestRun: async () => auditRun(),
      listTeams: async () => page([]),
      listFindings: async () => page([]),
      listRules: async () => ({ items: [] }),
      lookup: async query => ({ query, items: [], runId: 42 }),
      listCampaigns: async () => ({ items: [campaign()] }),
      getCampaign: async () => campaignDetails(),
      getCampaignCsvUrl: async () => 'http://localhost/export.csv',
      getCampaignEvidenceUrl: async () => 'http://localhost/evidence.json',
      listPendingAttestations: async () => ({
        items: [pendingItem('payments-api')],
      }),
    }),
  ],
] as const;

const mountedRoutes = { '/catalog/:namespace/:kind/:name': entityRouteRef };

describe('new frontend system plugin', () => {
  it('mounts page:ownership at /ownership and renders the dashboard', async () => {
    const tester = createExtensionTester(
      ownershipPlugin.getExtension('page:ownership'),
      { apis },
    );

    expect(tester.get(coreExtensionData.routePath)).toBe('/ownership');
    await renderInTestApp(tester.reactElement(), { apis });

    expect(
      await screen.findByRole('region', { name: 'Services audited' }),
    ).toHaveTextContent('40');
  });

  describe('api:ownership', () => {
    const server = setupServer();
    registerMswTestHooks(server);

    it('is the client the page talks to the backend through', async () => {
      expect(ownershipPlugin.getExtension('api:ownership')).toBeDefined();
      const backend = 'http://localhost:7007/api/ownership';
      const requested: string[] = [];
      server.use(
        http.get(`${backend}/*`, ({ request }) => {
          requested.push(new URL(request.url).pathname);
          return undefined;
        }),
        http.get(`${backend}/summary`, () =>
          HttpResponse.json(summaryResponse()),
        ),
        http.get(`${backend}/runs/latest`, () => HttpResponse.json(auditRun())),
        http.get(`${backend}/teams`, () => HttpResponse.json(page([]))),
        http.get(`${backend}/findings`, () => HttpResponse.json(page([]))),
        http.get(`${backend}/rules`, () => HttpResponse.json({ items: [] })),
      );

      // No API given: the app builds api:ownership from its own factory.
      renderTestApp({
        features: [ownershipPlugin],
        initialRouteEntries: ['/ownership'],
        config: { backend: { baseUrl: 'http://localhost:7007' } },
      });

      expect(
        await screen.findByRole('region', { name: 'Services audited' }),
      ).toHaveTextContent('40');
      expect(requested).toContain('/api/ownership/summary');
    });
  });

  it('serves the incident lookup at /ownership/lookup', async () => {
    renderTestApp({
      features: [ownershipPlugin],
      initialRouteEntries: ['/ownership/lookup?q=nothing'],
      apis,
    });

    expect(
      await screen.findByRole('heading', { name: 'Incident lookup' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('combobox')).toHaveValue('nothing');
    expect(
      await screen.findByText(/Try the service's name, its system/),
    ).toBeInTheDocument();
  });

  it('serves the campaigns at /ownership/campaigns, linking each campaign page', async () => {
    renderTestApp({
      features: [ownershipPlugin],
      initialRouteEntries: ['/ownership/campaigns'],
      apis,
      mountedRoutes,
    });

    expect(
      await screen.findByRole('link', { name: 'Q4 ownership review' }),
    ).toHaveAttribute('href', '/ownership/campaigns/7');
    expect(screen.getByRole('tab', { name: 'Campaigns' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
  });

  it('serves a campaign at /ownership/campaigns/:id', async () => {
    renderTestApp({
      features: [ownershipPlugin],
      initialRouteEntries: ['/ownership/campaigns/7?team=group:default/search'],
      apis,
      mountedRoutes,
    });

    expect(
      await screen.findByRole('heading', { name: 'Q4 ownership review' }),
    ).toBeInTheDocument();
    expect(
      await screen.findByTestId('team-progress-group:default/search'),
    ).toBeInTheDocument();
    expect(
      screen.queryByTestId('team-progress-group:default/payments'),
    ).not.toBeInTheDocument();
  });

  it("serves the user's attestations at /ownership/attestations", async () => {
    renderTestApp({
      features: [ownershipPlugin],
      initialRouteEntries: ['/ownership/attestations'],
      apis,
      mountedRoutes,
    });

    expect(
      await screen.findByRole('button', {
        name: 'Confirm component:default/payments-api',
      }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('tab', { name: "Your team's attestations" }),
    ).toHaveAttribute('href', '/ownership/attestations');
  });
});
