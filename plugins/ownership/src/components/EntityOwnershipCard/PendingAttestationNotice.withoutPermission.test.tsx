import { EntityProvider } from '@backstage/plugin-catalog-react';
import { screen } from '@testing-library/react';
import { pendingItem } from '../../testing/campaignFixtures';
import { renderView } from '../__testUtils__/renderView';
import {
  paymentsApiEntity,
  wellKeptService,
} from '../shared/__testUtils__/serviceDetails';
import { EntityOwnershipCard } from './EntityOwnershipCard';

describe('EntityOwnershipCard pending attestations without ownership.attestation.create', () => {
  it('says an attestation is due, without answer buttons', async () => {
    await renderView(
      <EntityProvider entity={paymentsApiEntity}>
        <EntityOwnershipCard />
      </EntityProvider>,
      {
        api: {
          getService: async () => wellKeptService(),
          listPendingAttestations: async () => ({
            items: [pendingItem('payments-api')],
          }),
        },
        allowed: false,
      },
    );

    expect(
      await screen.findByText(
        'Attestation due in Q4 ownership review (due Dec 15, 2026)',
      ),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole('link', { name: 'Payments Team' }),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: /^Confirm / }),
    ).not.toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: /^Transfer / }),
    ).not.toBeInTheDocument();
  });
});
