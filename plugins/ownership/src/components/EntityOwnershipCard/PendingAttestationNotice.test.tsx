import { EntityProvider } from '@backstage/plugin-catalog-react';
import type { AttestationInput } from '@ownership-portal/plugin-ownership-common';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { attestationOf, pendingItem } from '../../testing/campaignFixtures';
import { groupsCatalog, renderView } from '../__testUtils__/renderView';
import {
  paymentsApiEntity,
  wellKeptService,
} from '../shared/__testUtils__/serviceDetails';
import { EntityOwnershipCard } from './EntityOwnershipCard';

const pending = pendingItem('payments-api', {
  title: 'Payments API',
  editUrl:
    'https://github.example/acme/payments-api/edit/main/catalog-info.yaml',
});

function renderCard(
  api: Parameters<typeof renderView>[1]['api'],
  catalogApi = groupsCatalog([{ name: 'search', title: 'Search' }]),
) {
  return renderView(
    <EntityProvider entity={paymentsApiEntity}>
      <EntityOwnershipCard />
    </EntityProvider>,
    {
      api: {
        getService: async () => wellKeptService(),
        listPendingAttestations: async () => ({ items: [pending] }),
        ...api,
      },
      catalogApi,
    },
  );
}

describe('EntityOwnershipCard pending attestations', () => {
  it('says an attestation is due, asking only about this entity', async () => {
    const listPendingAttestations = jest.fn(async () => ({ items: [pending] }));
    const { permissionApi } = await renderCard({ listPendingAttestations });

    expect(
      await screen.findByText(
        'Attestation due in Q4 ownership review (due Dec 15, 2026)',
      ),
    ).toBeInTheDocument();
    expect(listPendingAttestations).toHaveBeenCalledWith({
      entity: 'component:default/payments-api',
      limit: 10,
      cursor: undefined,
    });
    await waitFor(() =>
      expect(permissionApi.authorize).toHaveBeenCalledWith(
        expect.objectContaining({
          permission: expect.objectContaining({
            name: 'ownership.attestation.create',
          }),
          resourceRef: 'component:default/payments-api',
        }),
      ),
    );
    // The rest of the card is there too.
    expect(
      await screen.findByRole('link', { name: 'Payments Team' }),
    ).toBeInTheDocument();
  });

  it('confirms from the card', async () => {
    const attest = jest.fn(async (id: number, input: AttestationInput) =>
      attestationOf(id, input),
    );
    await renderCard({ attest });

    await userEvent.click(
      await screen.findByRole('button', {
        name: 'Confirm component:default/payments-api',
      }),
    );

    expect(attest).toHaveBeenCalledWith(
      7,
      { entityRef: 'component:default/payments-api', answer: 'confirm' },
      { idempotencyKey: expect.any(String) },
    );
    expect(
      await screen.findByText('Confirmed for Q4 ownership review.'),
    ).toBeInTheDocument();
    expect(screen.queryByText(/Attestation due in/)).not.toBeInTheDocument();
  });

  it('transfers from the card and shows the line to write', async () => {
    const attest = jest.fn(async (id: number, input: AttestationInput) =>
      attestationOf(id, input),
    );
    await renderCard({ attest });

    await userEvent.click(
      await screen.findByRole('button', {
        name: 'Transfer component:default/payments-api',
      }),
    );
    const dialog = screen.getByRole('dialog', {
      name: 'Transfer Payments API',
    });
    await userEvent.click(
      within(dialog).getByRole('combobox', { name: /New owning group/ }),
    );
    await userEvent.click(
      await screen.findByRole('option', { name: /Search/ }),
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Transfer' }),
    );

    expect(attest).toHaveBeenCalledWith(
      7,
      expect.objectContaining({
        answer: 'transfer',
        transferTo: 'group:default/search',
      }),
      { idempotencyKey: expect.any(String) },
    );
    expect(
      await screen.findByLabelText('Line to write in catalog-info.yaml'),
    ).toHaveTextContent('spec.owner: search');
    expect(
      screen.getByRole('link', {
        name: 'Edit catalog-info.yaml of Payments API',
      }),
    ).toHaveAttribute('href', pending.item.editUrl);
  });

  it('shows nothing about attestations when none is due', async () => {
    await renderCard({ listPendingAttestations: async () => ({ items: [] }) });

    expect(
      await screen.findByRole('link', { name: 'Payments Team' }),
    ).toBeInTheDocument();
    expect(screen.queryByText(/Attestation due/)).not.toBeInTheDocument();
  });
});
