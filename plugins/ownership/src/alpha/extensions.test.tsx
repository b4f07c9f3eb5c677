import { coreExtensionData } from '@backstage/frontend-plugin-api';
import {
  createExtensionTester,
  renderInTestApp,
  renderTestApp,
} from '@backstage/frontend-test-utils';
import { screen } from '@testing-library/react';
import ownershipPlugin from '../alpha';
import { ownershipApiRef } from '../api';
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
    }),
  ],
] as const;

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

  it('provides api:ownership, which the page uses in a whole app', async () => {
    expect(ownershipPlugin.getExtension('api:ownership')).toBeDefined();

    renderTestApp({
      features: [ownershipPlugin],
      initialRouteEntries: ['/ownership'],
      apis,
    });

    expect(
      await screen.findByRole('region', { name: 'Services audited' }),
    ).toHaveTextContent('40');
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
});
