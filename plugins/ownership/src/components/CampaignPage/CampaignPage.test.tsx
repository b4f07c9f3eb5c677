import { ResponseError } from '@backstage/errors';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  campaign,
  campaignDetails,
  teamProgress,
} from '../../testing/campaignFixtures';
import { renderView } from '../__testUtils__/renderView';
import { CampaignPage } from './CampaignPage';

const urls = {
  getCampaignCsvUrl: async (id: number) =>
    `http://backend.test/api/ownership/campaigns/${id}/export.csv`,
  getCampaignEvidenceUrl: async (id: number) =>
    `http://backend.test/api/ownership/campaigns/${id}/evidence.json`,
};

function renderPage(
  api: Parameters<typeof renderView>[1]['api'],
  route = '/ownership/campaigns/7',
) {
  return renderView(<CampaignPage />, {
    api: { ...urls, ...api },
    route,
    path: '/ownership/campaigns/:id',
  });
}

const overdueCampaign = campaignDetails({
  overdue: true,
  teams: [
    teamProgress(
      'group:default/payments',
      { total: 5, confirmed: 5 },
      { teamTitle: 'Payments Team' },
    ),
    teamProgress(
      'group:default/search',
      { total: 4, confirmed: 1, transferred: 1, notOurs: 1 },
      { teamTitle: 'Search', overdue: true },
    ),
  ],
});

describe('CampaignPage with ownership.campaign.manage', () => {
  it('shows the campaign: instructions as markdown, dates, state and progress', async () => {
    const getCampaign = jest.fn(async () => campaignDetails());
    await renderPage({ getCampaign });

    expect(
      await screen.findByRole('heading', { name: 'Q4 ownership review' }),
    ).toBeInTheDocument();
    expect(getCampaign).toHaveBeenCalledWith(7);
    // Rendered markdown, not the source.
    expect(screen.getByText('your team').tagName).toBe('STRONG');
    expect(screen.getByRole('link', { name: /^the guide/ })).toHaveAttribute(
      'href',
      'https://docs.example/review',
    );
    const dates = screen.getByLabelText('Dates');
    expect(dates).toHaveTextContent(
      'OpensNov 1, 2026DueDec 15, 2026Closes automaticallyDec 22, 2026',
    );
    expect(
      screen.getByRole('progressbar', { name: 'Overall progress' }),
    ).toHaveAttribute('aria-valuetext', '3 of 8 answered (37%)');
    expect(screen.getByText('Open')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'All campaigns' })).toHaveAttribute(
      'href',
      '/ownership/campaigns',
    );
  });

  it('shows when a campaign opened later than planned', async () => {
    await renderPage({
      getCampaign: async () =>
        campaignDetails({
          opensAt: '2026-11-01T09:00:00.000Z',
          openedAt: '2026-11-20T09:00:00.000Z',
        }),
    });
    const dates = await screen.findByLabelText('Dates');
    expect(dates).toHaveTextContent(
      'OpensNov 1, 2026OpenedNov 20, 2026DueDec 15, 2026',
    );
  });

  it('does not run script from the instructions', async () => {
    await renderPage({
      getCampaign: async () =>
        campaignDetails({
          instructions:
            'Hello <img src=x onerror="window.__pwned=1"> <script>window.__pwned=2</script>',
        }),
    });

    await screen.findByText(/Hello/);
    expect(document.querySelector('script')).toBeNull();
    expect(document.querySelector('img[onerror]')).toBeNull();
  });

  it('shows a row per team with its counts, marking overdue teams', async () => {
    await renderPage({ getCampaign: async () => overdueCampaign });

    const table = await screen.findByRole('table', {
      name: 'Progress per team',
    });
    const search = within(table).getByTestId(
      'team-progress-group:default/search',
    );
    expect(
      within(search).getByRole('link', { name: 'Search' }),
    ).toHaveAttribute('href', '/catalog/default/group/search');
    // Answered, confirmed, transferred, not ours, retire, pending.
    expect(
      within(search)
        .getAllByRole('cell')
        .slice(1, 7)
        .map(c => c.textContent),
    ).toEqual(['3', '1', '1', '1', '0', '1']);
    expect(search).toHaveTextContent('Overdue');
    const payments = within(table).getByTestId(
      'team-progress-group:default/payments',
    );
    expect(payments).not.toHaveTextContent('Overdue');
    expect(
      within(payments).getByRole('progressbar', {
        name: 'Progress of Payments Team',
      }),
    ).toHaveAttribute('aria-valuetext', '5 of 5 answered (100%)');
  });

  it('shows only the team of ?team= until asked for all', async () => {
    await renderPage(
      { getCampaign: async () => overdueCampaign },
      '/ownership/campaigns/7?team=group%3Adefault%2FSearch',
    );

    const table = await screen.findByRole('table', {
      name: 'Progress per team',
    });
    expect(within(table).getAllByRole('row')).toHaveLength(2);
    expect(
      within(table).getByTestId('team-progress-group:default/search'),
    ).toHaveClass('Mui-selected');

    await userEvent.click(
      screen.getByRole('button', { name: 'Show all teams' }),
    );
    expect(within(table).getAllByRole('row')).toHaveLength(3);
  });

  it('links the evidence and downloads it with the user credentials', async () => {
    const fetchApi = {
      fetch: jest.fn(async () => new Response('entity_ref\r\n')),
    };
    const createObjectURL = jest.fn(() => 'blob:campaign-7');
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
    const save = jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(() => {});
    const { analyticsApi } = await renderView(<CampaignPage />, {
      api: { ...urls, getCampaign: async () => campaignDetails() },
      route: '/ownership/campaigns/7',
      path: '/ownership/campaigns/:id',
      fetchApi,
    });

    const csv = await screen.findByRole('link', { name: 'Export CSV' });
    expect(csv).toHaveAttribute(
      'href',
      'http://backend.test/api/ownership/campaigns/7/export.csv',
    );
    expect(
      screen.getByRole('link', { name: 'Evidence (JSON)' }),
    ).toHaveAttribute(
      'href',
      'http://backend.test/api/ownership/campaigns/7/evidence.json',
    );

    await userEvent.click(csv);
    await waitFor(() =>
      expect(analyticsApi.captureEvent).toHaveBeenCalledWith(
        expect.objectContaining({
          action: 'export',
          subject: 'campaign-7.csv',
        }),
      ),
    );
    expect(fetchApi.fetch).toHaveBeenCalledWith(
      'http://backend.test/api/ownership/campaigns/7/export.csv',
    );
    expect(createObjectURL).toHaveBeenCalledWith(expect.any(Blob));
    expect(save).toHaveBeenCalledTimes(1);
    save.mockRestore();
  });

  it('closes the campaign after a confirmation, and shows the new state', async () => {
    const getCampaign = jest
      .fn()
      .mockResolvedValueOnce(campaignDetails())
      .mockResolvedValue(
        campaignDetails({
          state: 'closed',
          closedAt: '2026-12-10T12:00:00.000Z',
          digest: 'ab'.repeat(32),
        }),
      );
    const closeCampaign = jest.fn(async () => campaign({ state: 'closed' }));
    const { analyticsApi } = await renderPage({ getCampaign, closeCampaign });

    await userEvent.click(
      await screen.findByRole('button', { name: 'Close campaign' }),
    );
    const dialog = screen.getByRole('dialog', {
      name: 'Close “Q4 ownership review”?',
    });
    expect(dialog).toHaveTextContent('5 items are still pending');
    expect(closeCampaign).not.toHaveBeenCalled();
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Close for good' }),
    );

    expect(closeCampaign).toHaveBeenCalledWith(7);
    expect(
      await screen.findByText('Closed', { selector: 'span' }),
    ).toBeInTheDocument();
    expect(
      screen.getByText(`Evidence digest (SHA-256): ${'ab'.repeat(32)}`),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Close campaign' }),
    ).not.toBeInTheDocument();
    expect(analyticsApi.captureEvent).toHaveBeenCalledWith(
      expect.objectContaining({
        action: 'close',
        subject: 'campaign',
        value: 7,
      }),
    );
  });

  it('shows the 409 of a campaign closed meanwhile in the dialog', async () => {
    const conflict = await ResponseError.fromResponse(
      new Response(
        JSON.stringify({
          error: {
            name: 'ConflictError',
            message: 'Campaign 7 is already closed',
          },
          request: { method: 'POST', url: '/api/ownership/campaigns/7/close' },
          response: { statusCode: 409 },
        }),
        { status: 409, headers: { 'Content-Type': 'application/json' } },
      ),
    );
    await renderPage({
      getCampaign: async () => campaignDetails(),
      closeCampaign: jest.fn().mockRejectedValue(conflict),
    });

    await userEvent.click(
      await screen.findByRole('button', { name: 'Close campaign' }),
    );
    const dialog = screen.getByRole('dialog');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Close for good' }),
    );
    expect(
      await within(dialog).findByText('Campaign 7 is already closed'),
    ).toBeInTheDocument();
  });

  it('names a campaign that cannot be loaded', async () => {
    await renderPage(
      {
        getCampaign: async () => {
          throw new Error('Campaign 99 not found');
        },
      },
      '/ownership/campaigns/99',
    );

    expect(
      await screen.findByText(/Could not load campaign 99/),
    ).toBeInTheDocument();
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Retry' })).toBeInTheDocument(),
    );
  });
});
