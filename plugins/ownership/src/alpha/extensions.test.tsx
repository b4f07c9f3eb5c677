import { coreExtensionData } from '@backstage/frontend-plugin-api';
import {
  createExtensionTester,
  renderInTestApp,
  renderTestApp,
} from '@backstage/frontend-test-utils';
import { screen } from '@testing-library/react';
import { ownershipApiRef } from '../api';
import ownershipPlugin from '../alpha';

const overview = {
  scopeKinds: ['Component'],
  kinds: [{ kind: 'Component', count: 5 }],
  total: 5,
  lifecycles: { production: 5 },
  generatedAt: '2026-11-28T10:00:00.000Z',
};
const apis = [
  [
    ownershipApiRef,
    { getOverview: async () => overview, listRules: jest.fn() },
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
      await screen.findByText('5 catalog entities in the ownership audit'),
    ).toBeInTheDocument();
  });

  it('provides api:ownership, which the page uses in a whole app', async () => {
    expect(ownershipPlugin.getExtension('api:ownership')).toBeDefined();

    renderTestApp({
      features: [ownershipPlugin],
      initialRouteEntries: ['/ownership'],
      apis,
    });

    expect(
      await screen.findByText('5 catalog entities in the ownership audit'),
    ).toBeInTheDocument();
  });
});
