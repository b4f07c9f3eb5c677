import { coreExtensionData } from '@backstage/frontend-plugin-api';
import {
  createExtensionTester,
  renderInTestApp,
  renderTestApp,
} from '@backstage/frontend-test-utils';
import { screen } from '@testing-library/react';
import ownershipPlugin from '../alpha';
import { overviewOf, ownershipApiWith } from '../testing/fixtures';

const apis = [
  ownershipApiWith(overviewOf({ Component: 5 }, { production: 5 })),
];

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
