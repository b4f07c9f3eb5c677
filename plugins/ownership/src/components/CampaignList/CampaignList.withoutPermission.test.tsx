import { screen } from '@testing-library/react';
import { campaign } from '../../testing/campaignFixtures';
import { renderView } from '../__testUtils__/renderView';
import { CampaignList } from './CampaignList';

describe('CampaignList without ownership.campaign.manage', () => {
  it('lists the campaigns without "New campaign"', async () => {
    const { permissionApi } = await renderView(<CampaignList />, {
      api: { listCampaigns: async () => ({ items: [campaign()] }) },
      allowed: false,
    });

    expect(await screen.findByText('Q4 ownership review')).toBeInTheDocument();
    expect(permissionApi.authorize).toHaveBeenCalledWith({
      permission: expect.objectContaining({
        name: 'ownership.campaign.manage',
      }),
    });
    expect(
      screen.queryByRole('button', { name: 'New campaign' }),
    ).not.toBeInTheDocument();
  });

  it('says there are none, without suggesting to create one', async () => {
    await renderView(<CampaignList />, {
      api: { listCampaigns: async () => ({ items: [] }) },
      allowed: false,
    });

    expect(await screen.findByText('No campaigns yet.')).toBeInTheDocument();
  });
});
