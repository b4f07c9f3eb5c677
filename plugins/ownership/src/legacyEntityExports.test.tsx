import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { ownershipApiRef } from './api';
import { EntityOperationsContent, EntityOwnershipCard } from './plugin';
import { fakeOwnershipApi, serviceDetails } from './testing/fixtures';

const entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'payments-api', namespace: 'default' },
  spec: {
    type: 'service',
    owner: 'group:default/payments',
    lifecycle: 'production',
  },
};

function renderWith(element: JSX.Element) {
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [
          ownershipApiRef,
          fakeOwnershipApi({
            getService: async () => serviceDetails('payments-api'),
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
    await renderWith(<EntityOwnershipCard />);
    expect(await screen.findByText('Ownership')).toBeInTheDocument();
    expect(await screen.findByText(/Level \d/)).toBeInTheDocument();
  }, 20_000);

  it('renders the Operations content for the current entity', async () => {
    await renderWith(<EntityOperationsContent />);
    expect(await screen.findAllByText(/Runbooks/)).not.toHaveLength(0);
  }, 20_000);
});
