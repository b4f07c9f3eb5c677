import type { Entity } from '@backstage/catalog-model';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { TestApiProvider, renderInTestApp } from '@backstage/test-utils';
import type { TeamDetails } from '@ownership-portal/plugin-ownership-common';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { type OwnershipApi, ownershipApiRef } from '../../api';
import { fakeOwnershipApi, teamDetails } from '../../testing/fixtures';
import { notFoundError } from '../shared/__testUtils__/serviceDetails';
import { TeamOwnershipCard } from './TeamOwnershipCard';

const paymentsGroup: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'payments', namespace: 'default', title: 'Payments' },
  spec: { type: 'team', children: ['payments-platform'] },
};

async function renderCard(getTeam: OwnershipApi['getTeam']) {
  await renderInTestApp(
    <TestApiProvider apis={[[ownershipApiRef, fakeOwnershipApi({ getTeam })]]}>
      <EntityProvider entity={paymentsGroup}>
        <TeamOwnershipCard />
      </EntityProvider>
    </TestApiProvider>,
    {
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    },
  );
}

function section(name: string) {
  return screen.getByRole('region', { name });
}

describe('TeamOwnershipCard', () => {
  it('lists the team’s services, its rotation and its figures', async () => {
    const getTeam = jest.fn(async () => teamDetails('payments'));
    await renderCard(getTeam);

    const services = await screen.findByRole('list', {
      name: 'Services of Payments',
    });
    expect(getTeam).toHaveBeenCalledWith('group:default/payments');
    // The service that needs most work comes first.
    const items = within(services).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(
      within(items[1]).getByRole('link', { name: 'Payments API' }),
    ).toHaveAttribute('href', '/catalog/default/component/payments-api');
    expect(items[1]).toHaveTextContent('Level 2 · Operable');
    expect(items[1]).toHaveTextContent('1 warning');
    expect(items[1]).not.toHaveTextContent('via');
    expect(
      within(items[0]).getByRole('link', { name: 'Payments Worker' }),
    ).toHaveAttribute('href', '/catalog/default/component/payments-worker');
    expect(items[0]).toHaveTextContent('Level 1 · Owned');
    expect(items[0]).toHaveTextContent('1 error · via Payments Platform');

    const figures = within(section('Figures'))
      .getAllByRole('listitem')
      .map(li => li.textContent);
    expect(figures).toEqual([
      '2 services (1 own)',
      '1 error',
      '1 warning',
      '0 info',
      'Score 69/100',
    ]);

    const oncall = section('On call');
    expect(
      within(oncall).getByRole('list', { name: 'On call now' }),
    ).toHaveTextContent('Alice Ng');
  });

  it('says what to add when the team has no rotation or services', async () => {
    await renderCard(async () =>
      teamDetails('payments', {
        oncall: undefined,
        services: [],
        serviceCount: 0,
        directServiceCount: 0,
      }),
    );

    const oncall = await screen.findByRole('region', { name: 'On call' });
    expect(oncall).toHaveTextContent('No rotation');
    expect(oncall).toHaveTextContent('ownership-portal/oncall-rotation');
    expect(oncall).toHaveTextContent('pagerduty.com/service-id');
    expect(section('Services')).toHaveTextContent(
      'No services. Set spec.owner: group:default/payments in the catalog-info.yaml',
    );
  });

  it('explains a team that is not in the latest audit', async () => {
    const getTeam = jest.fn(async (): Promise<TeamDetails> => {
      throw await notFoundError('group:default/payments');
    });
    await renderCard(getTeam);

    expect(await screen.findByText('Not audited yet')).toBeInTheDocument();
    expect(
      screen.getByText(/is not in the latest ownership audit/),
    ).toHaveTextContent(/^Not audited yetPayments is not in the latest/);
    expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull();
  });

  it('names the failure and retries on request', async () => {
    const getTeam = jest
      .fn()
      .mockRejectedValueOnce(
        new Error('Request failed with 503 Service Unavailable'),
      )
      .mockResolvedValueOnce(teamDetails('payments'));
    await renderCard(getTeam);

    expect(
      await screen.findByText('Could not load the ownership data of Payments'),
    ).toBeInTheDocument();
    expect(screen.getByText(/503 Service Unavailable/)).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));

    expect(
      await screen.findByRole('link', { name: 'Payments API' }),
    ).toBeInTheDocument();
    expect(getTeam).toHaveBeenCalledTimes(2);
  });
});
