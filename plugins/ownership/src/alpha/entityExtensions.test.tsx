import { coreExtensionData } from '@backstage/frontend-plugin-api';
import {
  createExtensionTester,
  renderInTestApp,
} from '@backstage/frontend-test-utils';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import { screen } from '@testing-library/react';
import {
  entityOf,
  ownershipApiWith,
  paymentsApiEntity,
  wellKeptService,
} from '../components/shared/__testUtils__/serviceDetails';
import { ownershipApiRef } from '../api';
import { fakeOwnershipApi, teamDetails } from '../testing/fixtures';
import {
  entityOperationsContent,
  entityOwnershipCard,
  entityTeamOnboardingContent,
  entityTeamOwnershipCard,
} from './entityExtensions';

const apis = [ownershipApiWith(wellKeptService())];
const mountedRoutes = { '/catalog/:namespace/:kind/:name': entityRouteRef };
// The loaders import the components on first render; give that time on a busy machine.
const lazy = { timeout: 10_000 };

describe('entity extensions', () => {
  it('renders the ownership card for the current entity', async () => {
    const tester = createExtensionTester(entityOwnershipCard, { apis });

    await renderInTestApp(
      <EntityProvider entity={paymentsApiEntity}>
        {tester.reactElement()}
      </EntityProvider>,
      { apis, mountedRoutes },
    );

    expect(
      await screen.findByRole('link', { name: 'Payments Team' }, lazy),
    ).toHaveAttribute('href', '/catalog/default/group/payments');
    expect(screen.getByText('Ownership')).toBeInTheDocument();
    expect(screen.getByText('Level 4 · Healthy')).toBeInTheDocument();
  });

  it('shows the card on components, systems, APIs and resources only', () => {
    const tester = createExtensionTester(entityOwnershipCard, { apis });
    const filter = tester.get(EntityCardBlueprint.dataRefs.filterFunction);

    expect(filter).toBeDefined();
    expect(filter!(entityOf('Component', 'a'))).toBe(true);
    expect(filter!(entityOf('System', 'b'))).toBe(true);
    expect(filter!(entityOf('API', 'c'))).toBe(true);
    expect(filter!(entityOf('Resource', 'd'))).toBe(true);
    expect(filter!(entityOf('Group', 'e'))).toBe(false);
    expect(filter!(entityOf('User', 'f'))).toBe(false);
    expect(filter!(entityOf('Domain', 'g'))).toBe(false);
  });

  it('mounts the operations tab at /operations for components', async () => {
    const tester = createExtensionTester(entityOperationsContent, { apis });

    expect(tester.get(coreExtensionData.routePath)).toBe('/operations');
    expect(tester.get(EntityContentBlueprint.dataRefs.title)).toBe(
      'Operations',
    );
    const filter = tester.get(EntityContentBlueprint.dataRefs.filterFunction);
    expect(filter!(entityOf('Component', 'a'))).toBe(true);
    expect(filter!(entityOf('System', 'b'))).toBe(false);

    await renderInTestApp(
      <EntityProvider entity={paymentsApiEntity}>
        {tester.reactElement()}
      </EntityProvider>,
      { apis, mountedRoutes },
    );

    expect(
      await screen.findByRole('table', { name: 'Runbooks' }, lazy),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('img', { name: /^Score per audit run: 5 runs/ }),
    ).toBeInTheDocument();
  });

  describe('team extensions', () => {
    const teamApis = [
      [
        ownershipApiRef,
        fakeOwnershipApi({ getTeam: async () => teamDetails('payments') }),
      ] as const,
    ];
    const paymentsGroup = entityOf('Group', 'payments');

    it('renders the team ownership card on groups only', async () => {
      const tester = createExtensionTester(entityTeamOwnershipCard, {
        apis: teamApis,
      });
      const filter = tester.get(EntityCardBlueprint.dataRefs.filterFunction);
      expect(filter!(entityOf('Group', 'a'))).toBe(true);
      expect(filter!(entityOf('Component', 'b'))).toBe(false);
      expect(filter!(entityOf('User', 'c'))).toBe(false);

      await renderInTestApp(
        <EntityProvider entity={paymentsGroup}>
          {tester.reactElement()}
        </EntityProvider>,
        { apis: teamApis, mountedRoutes },
      );

      expect(
        await screen.findByRole('link', { name: 'Payments Worker' }, lazy),
      ).toHaveAttribute('href', '/catalog/default/component/payments-worker');
      expect(screen.getByText('Team ownership')).toBeInTheDocument();
    });

    it('mounts the onboarding tab at /onboarding for groups', async () => {
      const tester = createExtensionTester(entityTeamOnboardingContent, {
        apis: teamApis,
      });
      expect(tester.get(coreExtensionData.routePath)).toBe('/onboarding');
      expect(tester.get(EntityContentBlueprint.dataRefs.title)).toBe(
        'Onboarding',
      );
      const filter = tester.get(EntityContentBlueprint.dataRefs.filterFunction);
      expect(filter!(entityOf('Group', 'a'))).toBe(true);
      expect(filter!(entityOf('Component', 'b'))).toBe(false);

      await renderInTestApp(
        <EntityProvider entity={paymentsGroup}>
          {tester.reactElement()}
        </EntityProvider>,
        { apis: teamApis, mountedRoutes },
      );

      expect(
        await screen.findByRole('list', { name: 'Decision records' }, lazy),
      ).toBeInTheDocument();
    });
  });
});
