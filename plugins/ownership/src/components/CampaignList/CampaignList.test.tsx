import { ResponseError } from '@backstage/errors';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router-dom';
import {
  campaign,
  campaignDetails,
  progressOf,
} from '../../testing/campaignFixtures';
import { renderView } from '../__testUtils__/renderView';
import { CampaignList } from './CampaignList';

/** A 400 exactly as the backend answers it. */
async function inputError(message: string) {
  return ResponseError.fromResponse(
    new Response(
      JSON.stringify({
        error: { name: 'InputError', message },
        request: { method: 'POST', url: '/api/ownership/campaigns' },
        response: { statusCode: 400 },
      }),
      {
        status: 400,
        statusText: 'Bad Request',
        headers: { 'Content-Type': 'application/json' },
      },
    ),
  );
}

/** Types into a field in one go (a paste), which keeps the tests fast. */
async function fill(field: HTMLElement, text: string) {
  await userEvent.click(field);
  await userEvent.paste(text);
}

const campaigns = [
  campaign(),
  campaign({
    id: 8,
    title: 'Q1 review',
    state: 'scheduled',
    opensAt: '2027-01-05T00:00:00.000Z',
    dueAt: '2027-01-31T00:00:00.000Z',
    progress: progressOf({ total: 0 }),
  }),
  campaign({
    id: 5,
    title: 'Q3 review',
    state: 'closed',
    progress: progressOf({ total: 4, confirmed: 4 }),
  }),
  campaign({ id: 6, title: 'Late review', overdue: true }),
];

function renderList(
  api: Parameters<typeof renderView>[1]['api'],
  route = '/ownership/campaigns',
) {
  return renderView(
    <Routes>
      <Route path="/ownership/campaigns" element={<CampaignList />} />
      <Route
        path="/ownership/campaigns/:id"
        element={<div data-testid="campaign-page" />}
      />
    </Routes>,
    { api, route },
  );
}

describe('CampaignList with ownership.campaign.manage', () => {
  it('lists campaigns with state, dates and progress', async () => {
    const listCampaigns = jest.fn(async () => ({ items: campaigns }));
    await renderList({ listCampaigns });

    const table = await screen.findByRole('table', { name: 'Audit campaigns' });
    const q4 = within(table).getByTestId('campaign-7');
    expect(
      within(q4).getByRole('link', { name: 'Q4 ownership review' }),
    ).toHaveAttribute('href', '/ownership/campaigns/7');
    expect(q4).toHaveTextContent('Open');
    expect(q4).toHaveTextContent('Dec 15, 2026');
    expect(
      within(q4).getByRole('progressbar', {
        name: 'Progress of Q4 ownership review',
      }),
    ).toHaveAttribute('aria-valuenow', '37');
    expect(q4).toHaveTextContent('3 of 8 answered (37%)');

    expect(within(table).getByTestId('campaign-8')).toHaveTextContent(
      'ScheduledJan 5, 2027Jan 31, 2027Not open yet',
    );
    expect(within(table).getByTestId('campaign-5')).toHaveTextContent(
      '4 of 4 answered (100%)',
    );
    expect(within(table).getByTestId('campaign-6')).toHaveTextContent(
      'OpenOverdue',
    );
    expect(listCampaigns).toHaveBeenCalledWith({ state: undefined, limit: 20 });
  });

  it('narrows by state through ?state= and loads further pages', async () => {
    const listCampaigns = jest.fn(
      async (request?: { state?: string; cursor?: string }) =>
        request?.cursor
          ? { items: [campaign({ id: 3, title: 'Q2 review' })] }
          : { items: [campaign()], nextCursor: 'page-2' },
    );
    const { analyticsApi } = await renderList(
      { listCampaigns },
      '/ownership/campaigns?state=open',
    );

    expect(await screen.findByText('Q4 ownership review')).toBeInTheDocument();
    expect(listCampaigns).toHaveBeenCalledWith({ state: 'open', limit: 20 });
    await userEvent.click(screen.getByRole('button', { name: 'Load more' }));
    expect(await screen.findByText('Q2 review')).toBeInTheDocument();
    expect(listCampaigns).toHaveBeenLastCalledWith({
      state: 'open',
      limit: 20,
      cursor: 'page-2',
    });

    await userEvent.click(screen.getByRole('combobox', { name: 'State' }));
    await userEvent.click(screen.getByRole('option', { name: 'Closed' }));
    await waitFor(() =>
      expect(listCampaigns).toHaveBeenLastCalledWith({
        state: 'closed',
        limit: 20,
      }),
    );
    expect(analyticsApi.captureEvent).toHaveBeenCalledWith(
      expect.objectContaining({ action: 'filter', subject: 'campaign state' }),
    );
  });

  it('creates a campaign from the dialog and opens its page', async () => {
    const createCampaign = jest.fn(async () =>
      campaign({ id: 9, state: 'scheduled' }),
    );
    await renderList({
      listCampaigns: async () => ({ items: [] }),
      createCampaign,
      getCampaign: async () => campaignDetails(),
    });

    expect(
      await screen.findByText(
        'No campaigns yet. Start one with “New campaign”.',
      ),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'New campaign' }));
    const dialog = screen.getByRole('dialog', { name: 'New campaign' });
    const create = within(dialog).getByRole('button', {
      name: 'Create campaign',
    });
    expect(create).toBeDisabled();

    await fill(
      within(dialog).getByRole('textbox', { name: 'Title' }),
      'Q1 review',
    );
    await fill(
      within(dialog).getByRole('textbox', { name: 'Instructions' }),
      'Check **all** services',
    );
    const opens = within(dialog).getByLabelText(/^Opens/);
    const due = within(dialog).getByLabelText(/^Due/);
    fireEvent.change(opens, { target: { value: '2027-01-05' } });
    fireEvent.change(due, { target: { value: '2027-01-31' } });
    await fill(
      within(dialog).getByRole('textbox', { name: 'Kinds' }),
      'Component, API',
    );
    await fill(
      within(dialog).getByRole('textbox', { name: 'Teams' }),
      'group:default/payments',
    );
    await userEvent.click(
      within(dialog).getByRole('checkbox', {
        name: 'Include the sub-groups of these teams',
      }),
    );
    await fill(
      within(dialog).getByRole('textbox', { name: 'Exclude teams' }),
      'group:default/sandbox',
    );
    await userEvent.click(create);

    expect(createCampaign).toHaveBeenCalledWith(
      {
        title: 'Q1 review',
        instructions: 'Check **all** services',
        opensAt: new Date(2027, 0, 5).toISOString(),
        dueAt: new Date(2027, 0, 31, 23, 59, 59, 999).toISOString(),
        scope: {
          include: {
            kinds: ['Component', 'API'],
            teams: ['group:default/payments'],
          },
          exclude: { teams: ['group:default/sandbox'] },
          includeSubgroups: false,
        },
      },
      { idempotencyKey: expect.any(String) },
    );
    expect(await screen.findByTestId('campaign-page')).toBeInTheDocument();
  });

  it('shows the backend 400 in the dialog, and a retry of the same form reuses its key', async () => {
    const createCampaign = jest
      .fn()
      .mockRejectedValueOnce(await inputError('dueAt must be after opensAt'))
      .mockRejectedValueOnce(await inputError('dueAt must be after opensAt'))
      .mockResolvedValue(campaign({ id: 9 }));
    await renderList({
      listCampaigns: async () => ({ items: campaigns }),
      createCampaign,
    });

    await userEvent.click(
      await screen.findByRole('button', { name: 'New campaign' }),
    );
    const dialog = screen.getByRole('dialog', { name: 'New campaign' });
    await fill(
      within(dialog).getByRole('textbox', { name: 'Title' }),
      'Backwards',
    );
    const create = within(dialog).getByRole('button', {
      name: 'Create campaign',
    });
    await userEvent.click(create);

    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'dueAt must be after opensAt',
    );
    expect(dialog).toBeInTheDocument();

    await userEvent.click(create);
    await waitFor(() => expect(createCampaign).toHaveBeenCalledTimes(2));
    const [first, second] = createCampaign.mock.calls;
    expect(second[1].idempotencyKey).toBe(first[1].idempotencyKey);

    await fill(
      within(dialog).getByRole('textbox', { name: 'Title' }),
      ' again',
    );
    await userEvent.click(create);
    await waitFor(() => expect(createCampaign).toHaveBeenCalledTimes(3));
    expect(createCampaign.mock.calls[2][1].idempotencyKey).not.toBe(
      first[1].idempotencyKey,
    );
  });
});
