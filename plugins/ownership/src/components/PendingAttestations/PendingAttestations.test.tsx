import { ResponseError } from '@backstage/errors';
import type { AttestationInput } from '@ownership-portal/plugin-ownership-common';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  attestationOf,
  campaignDetails,
  pendingItem,
} from '../../testing/campaignFixtures';
import { groupsCatalog, renderView } from '../__testUtils__/renderView';
import { PendingAttestations } from './PendingAttestations';

/** An error exactly as the backend answers it. */
async function backendError(status: number, name: string, message: string) {
  return ResponseError.fromResponse(
    new Response(
      JSON.stringify({
        error: { name, message },
        request: {
          method: 'POST',
          url: '/api/ownership/campaigns/7/attestations',
        },
        response: { statusCode: status },
      }),
      { status, headers: { 'Content-Type': 'application/json' } },
    ),
  );
}

const items = [
  pendingItem('payments-api', {
    title: 'Payments API',
    findings: ['runbook.stale', 'oncall.gap'],
    editUrl:
      'https://github.example/acme/payments-api/edit/main/catalog-info.yaml',
  }),
  pendingItem('payments-worker', { title: 'Payments Worker' }),
  pendingItem('ledger', { title: 'Ledger' }),
  pendingItem(
    'search-ui',
    {
      campaignId: 8,
      title: 'Search UI',
      team: 'group:default/search',
      teamTitle: 'Search',
    },
    {
      id: 8,
      title: 'Tier-1 review',
      dueAt: '2026-12-01T00:00:00.000Z',
      overdue: true,
    },
  ),
];

/** An attest that records its calls and answers like the backend. */
function recordingAttest(fail: Record<string, Error> = {}) {
  let inFlight = 0;
  let maxInFlight = 0;
  const attest = jest.fn(
    async (
      campaignId: number,
      input: AttestationInput,
      _options?: { idempotencyKey?: string },
    ) => {
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await new Promise(resolve => setTimeout(resolve, 5));
      inFlight -= 1;
      if (fail[input.entityRef]) {
        throw fail[input.entityRef];
      }
      return attestationOf(campaignId, input);
    },
  );
  return { attest, maxInFlight: () => maxInFlight };
}

function renderPending(
  api: Parameters<typeof renderView>[1]['api'],
  options: {
    route?: string;
    catalogApi?: ReturnType<typeof groupsCatalog>;
  } = {},
) {
  return renderView(<PendingAttestations />, {
    api: {
      listPendingAttestations: async () => ({ items }),
      getCampaign: async id =>
        id === 8
          ? campaignDetails({
              id: 8,
              title: 'Tier-1 review',
              instructions: 'Tier-1 **only**',
            })
          : campaignDetails(),
      ...api,
    },
    route: options.route ?? '/ownership/attestations',
    catalogApi: options.catalogApi,
  });
}

const row = (ref: string) => screen.getByTestId(`pending-${ref}`);

describe('PendingAttestations', () => {
  it('groups the pending items by campaign with due date and instructions', async () => {
    await renderPending({});

    const q4 = await screen.findByRole('region', {
      name: 'Q4 ownership review',
    });
    expect(q4).toHaveTextContent('due Dec 15, 2026');
    expect(await within(q4).findByText('your team')).toHaveProperty(
      'tagName',
      'STRONG',
    );
    expect(
      within(q4).getByRole('link', { name: 'Q4 ownership review' }),
    ).toHaveAttribute('href', '/ownership/campaigns/7');
    const api = within(q4).getByTestId(
      'pending-component:default/payments-api',
    );
    expect(
      within(api).getByRole('link', { name: 'Payments API' }),
    ).toHaveAttribute('href', '/catalog/default/component/payments-api');
    expect(
      within(api).getByRole('link', { name: 'Payments Team' }),
    ).toHaveAttribute('href', '/catalog/default/group/payments');
    expect(api).toHaveTextContent('runbook.staleoncall.gap');
    expect(
      within(q4).getByTestId('pending-component:default/ledger'),
    ).toHaveTextContent('None');

    const tier1 = screen.getByRole('region', { name: 'Tier-1 review' });
    expect(tier1).toHaveTextContent('Overdue');
    expect(within(tier1).getAllByRole('row')).toHaveLength(2);
  });

  it('confirms an item with one click; it leaves the list', async () => {
    const { attest } = recordingAttest();
    const { analyticsApi } = await renderPending({ attest });

    await userEvent.click(
      await screen.findByRole('button', {
        name: 'Confirm component:default/payments-worker',
      }),
    );

    expect(attest).toHaveBeenCalledWith(
      7,
      { entityRef: 'component:default/payments-worker', answer: 'confirm' },
      { idempotencyKey: expect.any(String) },
    );
    await waitFor(() =>
      expect(
        screen.queryByTestId('pending-component:default/payments-worker'),
      ).not.toBeInTheDocument(),
    );
    expect(screen.getByText('Confirmed Payments Worker.')).toBeInTheDocument();
    expect(analyticsApi.captureEvent).toHaveBeenCalledWith(
      expect.objectContaining({ action: 'attest', subject: 'confirm' }),
    );
  });

  it('says why a confirmation was refused, and keeps the item', async () => {
    const attest = jest
      .fn()
      .mockRejectedValue(
        await backendError(
          403,
          'NotAllowedError',
          'Answering needs the permission ownership.attestation.create',
        ),
      );
    await renderPending({ attest });

    await userEvent.click(
      await screen.findByRole('button', {
        name: 'Confirm component:default/ledger',
      }),
    );

    expect(
      await within(row('component:default/ledger')).findByRole('alert'),
    ).toHaveTextContent(
      'Could not confirm: Answering needs the permission ownership.attestation.create',
    );
  });

  it('transfers to a group picked from the catalog, then shows the spec.owner line to write', async () => {
    const { attest } = recordingAttest();
    const catalogApi = groupsCatalog(
      [
        { name: 'payments', title: 'Payments Team' },
        { name: 'search', title: 'Search' },
      ],
      57,
    );
    await renderPending({ attest }, { catalogApi });

    await userEvent.click(
      await screen.findByRole('button', {
        name: 'Transfer component:default/payments-api',
      }),
    );
    const dialog = screen.getByRole('dialog', {
      name: 'Transfer Payments API',
    });
    const submit = within(dialog).getByRole('button', { name: 'Transfer' });
    expect(submit).toBeDisabled();

    const picker = within(dialog).getByRole('combobox', {
      name: /New owning group/,
    });
    await userEvent.type(picker, 'sea');
    await waitFor(() =>
      expect(catalogApi.queryEntities).toHaveBeenLastCalledWith({
        filter: { kind: 'Group' },
        fields: [
          'kind',
          'metadata.name',
          'metadata.namespace',
          'metadata.title',
          'spec.profile.displayName',
        ],
        fullTextFilter: {
          term: 'sea',
          fields: [
            'metadata.name',
            'metadata.title',
            'spec.profile.displayName',
          ],
        },
        limit: 20,
      }),
    );
    // The answering team is not offered; more groups match than one page.
    expect(
      await screen.findByRole('option', { name: /Search/ }),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('option', { name: /Payments Team/ }),
    ).not.toBeInTheDocument();
    expect(dialog).toHaveTextContent(
      'More groups match: type to narrow the list.',
    );
    await userEvent.click(screen.getByRole('option', { name: /Search/ }));
    await userEvent.type(
      within(dialog).getByRole('textbox', { name: 'Comment (optional)' }),
      'Search runs it since October',
    );
    expect(submit).toBeEnabled();
    await userEvent.click(submit);

    expect(attest).toHaveBeenCalledWith(
      7,
      {
        entityRef: 'component:default/payments-api',
        answer: 'transfer',
        transferTo: 'group:default/search',
        comment: 'Search runs it since October',
      },
      { idempotencyKey: expect.any(String) },
    );
    const change = await screen.findByTestId(
      'recorded-change-component:default/payments-api',
    );
    expect(
      within(change).getByLabelText('Line to write in catalog-info.yaml'),
    ).toHaveTextContent('spec.owner: search');
    expect(
      within(change).getByRole('link', {
        name: 'Edit catalog-info.yaml of Payments API',
      }),
    ).toHaveAttribute(
      'href',
      'https://github.example/acme/payments-api/edit/main/catalog-info.yaml',
    );
    expect(
      screen.queryByTestId('pending-component:default/payments-api'),
    ).not.toBeInTheDocument();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('asks the catalog for one sorted page of groups before anything is typed', async () => {
    const catalogApi = groupsCatalog([{ name: 'search', title: 'Search' }]);
    await renderPending({}, { catalogApi });

    await userEvent.click(
      await screen.findByRole('button', {
        name: 'Transfer component:default/ledger',
      }),
    );
    await waitFor(() =>
      expect(catalogApi.queryEntities).toHaveBeenCalledWith(
        expect.objectContaining({
          filter: { kind: 'Group' },
          orderFields: { field: 'metadata.name', order: 'asc' },
          limit: 20,
        }),
      ),
    );
  });

  it('records "not ours" only with a reason', async () => {
    const { attest } = recordingAttest();
    await renderPending({ attest });

    await userEvent.click(
      await screen.findByRole('button', {
        name: 'Not ours component:default/ledger',
      }),
    );
    const dialog = screen.getByRole('dialog', { name: 'Ledger is not ours' });
    const submit = within(dialog).getByRole('button', { name: 'Not ours' });
    expect(submit).toBeDisabled();
    const reason = within(dialog).getByRole('textbox', { name: /Reason/ });
    await userEvent.type(reason, '   ');
    expect(submit).toBeDisabled();
    await userEvent.type(reason, 'Finance runs the ledger');
    expect(submit).toBeEnabled();
    await userEvent.click(submit);

    expect(attest).toHaveBeenCalledWith(
      7,
      {
        entityRef: 'component:default/ledger',
        answer: 'not-ours',
        reason: 'Finance runs the ledger',
      },
      { idempotencyKey: expect.any(String) },
    );
    const change = await screen.findByTestId(
      'recorded-change-component:default/ledger',
    );
    expect(change).toHaveTextContent('is not yours');
    expect(change).toHaveTextContent('spec.owner: …');
    expect(change).toHaveTextContent(
      'The catalog knows no edit link for it (annotation backstage.io/edit-url).',
    );
  });

  it('keeps a dialog open with the backend message when the campaign closed meanwhile', async () => {
    const attest = jest
      .fn()
      .mockRejectedValue(
        await backendError(409, 'ConflictError', 'Campaign 7 is closed'),
      );
    await renderPending({ attest });

    await userEvent.click(
      await screen.findByRole('button', {
        name: 'Retire component:default/ledger',
      }),
    );
    const dialog = screen.getByRole('dialog', { name: 'Retire Ledger' });
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Retire' }),
    );

    expect(
      await within(dialog).findByText('Campaign 7 is closed'),
    ).toBeInTheDocument();
    expect(row('component:default/ledger')).toBeInTheDocument();
  });

  it('confirms the selected items one after the other and reports the one that failed', async () => {
    const { attest, maxInFlight } = recordingAttest({
      'component:default/ledger': await backendError(
        409,
        'ConflictError',
        'Campaign 7 is closed',
      ),
    });
    await renderPending({ attest });

    const confirmSelected = await screen.findByRole('button', {
      name: 'Confirm selected',
    });
    expect(confirmSelected).toBeDisabled();
    await userEvent.click(
      screen.getByRole('checkbox', {
        name: 'Select all of Q4 ownership review',
      }),
    );
    await userEvent.click(
      screen.getByRole('checkbox', {
        name: 'Select component:default/search-ui',
      }),
    );
    expect(screen.getByText('4 selected')).toBeInTheDocument();
    await userEvent.click(confirmSelected);

    const report = await screen.findByText(/Confirmed 3 of 4/);
    expect(report.closest('[role="alert"]')).toHaveTextContent(
      'component:default/ledger: Campaign 7 is closed',
    );
    expect(
      attest.mock.calls.map(([id, input]) => [id, input.entityRef]),
    ).toEqual([
      [7, 'component:default/payments-api'],
      [7, 'component:default/payments-worker'],
      [7, 'component:default/ledger'],
      [8, 'component:default/search-ui'],
    ]);
    expect(maxInFlight()).toBe(1);
    expect(new Set(attest.mock.calls.map(c => c[2]?.idempotencyKey)).size).toBe(
      4,
    );
    // Only the failed item is left, still selected for another try.
    expect(screen.getAllByTestId(/^pending-/)).toHaveLength(1);
    expect(
      screen.getByRole('checkbox', { name: 'Select component:default/ledger' }),
    ).toBeChecked();
    expect(screen.queryByRole('region', { name: 'Tier-1 review' })).toBeNull();
  });

  it('narrows to ?campaign= and ?team=, and clears the filters', async () => {
    await renderPending(
      {},
      {
        route:
          '/ownership/attestations?campaign=8&team=group%3Adefault%2Fsearch',
      },
    );

    expect(
      await screen.findByRole('region', { name: 'Tier-1 review' }),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('region', { name: 'Q4 ownership review' }),
    ).toBeNull();
    expect(screen.getByText('Campaign: Tier-1 review')).toBeInTheDocument();
    expect(screen.getByText('Team: group:default/search')).toBeInTheDocument();

    await userEvent.click(
      screen.getByRole('button', { name: 'Clear filters' }),
    );
    expect(
      await screen.findByRole('region', { name: 'Q4 ownership review' }),
    ).toBeInTheDocument();
  });

  it('reads further pages with the cursor', async () => {
    const listPendingAttestations = jest.fn(
      async (request?: { cursor?: string }) =>
        request?.cursor
          ? { items: [pendingItem('billing', { title: 'Billing' })] }
          : { items: items.slice(0, 1), nextCursor: 'next-1' },
    );
    await renderPending({ listPendingAttestations });

    await screen.findByTestId('pending-component:default/payments-api');
    await userEvent.click(screen.getByRole('button', { name: 'Load more' }));

    expect(
      await screen.findByTestId('pending-component:default/billing'),
    ).toBeInTheDocument();
    expect(listPendingAttestations).toHaveBeenLastCalledWith({
      limit: 50,
      cursor: 'next-1',
    });
    expect(
      screen.getByTestId('pending-component:default/payments-api'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();
  });

  it('says when nothing is pending', async () => {
    await renderPending({
      listPendingAttestations: async () => ({ items: [] }),
    });

    expect(
      await screen.findByText(/your teams have answered every item/),
    ).toBeInTheDocument();
  });
});
