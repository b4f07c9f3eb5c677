import type { Entity } from '@backstage/catalog-model';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import { ownershipApiRef } from './api';
import {
  EntityOperationsContent,
  EntityOwnershipCard,
  TeamOwnershipCard,
  TeamOwnershipContent,
} from './plugin';
import {
  fakeOwnershipApi,
  serviceDetails,
  teamDetails,
} from './testing/fixtures';

const service: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'payments-api', namespace: 'default' },
  spec: {
    type: 'service',
    owner: 'group:default/payments',
    lifecycle: 'production',
  },
};

const team: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'payments', namespace: 'default' },
  spec: { type: 'team', children: [] },
};

// renderInTestApp builds an app of the legacy frontend system around the
// element, so these render the exports as a legacy app would.
function renderWith(entity: Entity, element: JSX.Element) {
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [
          ownershipApiRef,
          fakeOwnershipApi({
            getService: async () => serviceDetails('payments-api'),
            getTeam: async () => teamDetails('payments'),
          }),
        ],
      ]}
    >
      <EntityProvider entity={entity}>{element}</EntityProvider>
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}

describe('legacy frontend system entity exports', () => {
  it('renders the Ownership card for the current entity', async () => {
    await renderWith(service, <EntityOwnershipCard />);

    expect(
      await screen.findByRole('heading', { name: 'Ownership' }),
    ).toBeInTheDocument();
    expect(await screen.findByText(/Level \d/)).toBeInTheDocument();
  }, 20_000);

  it('renders the Operations content for the current entity', async () => {
    await renderWith(service, <EntityOperationsContent />);

    expect(
      await screen.findByRole('table', { name: 'Runbooks' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('heading', { name: 'Architecture decisions' }),
    ).toBeInTheDocument();
  }, 20_000);

  it('renders the Team ownership card for the current group', async () => {
    await renderWith(team, <TeamOwnershipCard />);

    const services = await screen.findByRole('list', {
      name: 'Services of Payments',
    });
    expect(within(services).getAllByRole('listitem').length).toBeGreaterThan(0);
  }, 20_000);

  it('renders the Onboarding content for the current group', async () => {
    await renderWith(team, <TeamOwnershipContent />);

    expect(
      await screen.findByRole('list', { name: 'Decision records' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('list', { name: 'Members of Payments' }),
    ).toBeInTheDocument();
  }, 20_000);
});
