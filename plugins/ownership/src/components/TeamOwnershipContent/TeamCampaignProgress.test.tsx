import type { Entity } from '@backstage/catalog-model';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { screen, waitFor, within } from '@testing-library/react';
import {
  campaign,
  campaignDetails,
  teamProgress,
} from '../../testing/campaignFixtures';
import { renderView } from '../__testUtils__/renderView';
import { TeamCampaignProgress } from './TeamCampaignProgress';

const searchGroup: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'search', namespace: 'default', title: 'Search' },
  spec: { type: 'team', children: [] },
};

function renderProgress(api: Parameters<typeof renderView>[1]['api']) {
  return renderView(
    <EntityProvider entity={searchGroup}>
      <TeamCampaignProgress />
    </EntityProvider>,
    { api },
  );
}

describe('TeamCampaignProgress', () => {
  it("shows the team's progress in each open campaign that covers it", async () => {
    const listCampaigns = jest.fn(async () => ({
      items: [campaign(), campaign({ id: 8, title: 'Tier-1 review' })],
    }));
    const getCampaign = jest.fn(async (id: number) =>
      id === 7
        ? campaignDetails({
            overdue: true,
            teams: [
              teamProgress(
                'group:default/Search',
                { total: 4, confirmed: 1 },
                { overdue: true },
              ),
            ],
          })
        : campaignDetails({
            id: 8,
            title: 'Tier-1 review',
            teams: [teamProgress('group:default/payments', { total: 2 })],
          }),
    );
    await renderProgress({ listCampaigns, getCampaign });

    const card = await screen.findByRole('list');
    expect(listCampaigns).toHaveBeenCalledWith({ state: 'open', limit: 20 });
    expect(getCampaign).toHaveBeenCalledWith(7);
    expect(getCampaign).toHaveBeenCalledWith(8);
    const items = within(card).getAllByRole('listitem');
    expect(items).toHaveLength(1);
    expect(
      within(items[0]).getByRole('link', { name: 'Q4 ownership review' }),
    ).toHaveAttribute(
      'href',
      '/ownership/campaigns/7?team=group%3Adefault%2Fsearch',
    );
    expect(items[0]).toHaveTextContent('due Dec 15, 2026');
    expect(items[0]).toHaveTextContent('Overdue');
    expect(
      within(items[0]).getByRole('progressbar', {
        name: 'Progress of the team in Q4 ownership review',
      }),
    ).toHaveAttribute('aria-valuetext', '1 of 4 answered (25%)');
    expect(screen.getByText('Ownership reviews')).toBeInTheDocument();
  });

  it('renders nothing when no open campaign covers the team', async () => {
    const listCampaigns = jest.fn(async () => ({ items: [] }));
    await renderProgress({ listCampaigns });

    await waitFor(() => expect(listCampaigns).toHaveBeenCalled());
    await new Promise(resolve => setTimeout(resolve, 50));
    expect(screen.queryByText('Ownership reviews')).not.toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('says when the campaigns cannot be read', async () => {
    await renderProgress({
      listCampaigns: async () => {
        throw new Error('Service Unavailable');
      },
    });

    expect(
      await screen.findByText(
        'Could not load the open campaigns: Service Unavailable',
      ),
    ).toBeInTheDocument();
  });
});
