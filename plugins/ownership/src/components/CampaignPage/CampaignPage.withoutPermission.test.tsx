import { screen } from '@testing-library/react';
import { campaignDetails } from '../../testing/campaignFixtures';
import { renderView } from '../__testUtils__/renderView';
import { CampaignPage } from './CampaignPage';

describe('CampaignPage without ownership.campaign.manage', () => {
  it('shows the campaign and its evidence, without "Close campaign"', async () => {
    const { permissionApi } = await renderView(<CampaignPage />, {
      api: {
        getCampaign: async () => campaignDetails(),
        getCampaignCsvUrl: async () => 'http://backend.test/export.csv',
        getCampaignEvidenceUrl: async () => 'http://backend.test/evidence.json',
      },
      allowed: false,
      route: '/ownership/campaigns/7',
      path: '/ownership/campaigns/:id',
    });

    expect(
      await screen.findByRole('table', { name: 'Progress per team' }),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole('link', { name: 'Export CSV' }),
    ).toBeInTheDocument();
    expect(permissionApi.authorize).toHaveBeenCalledWith({
      permission: expect.objectContaining({
        name: 'ownership.campaign.manage',
      }),
    });
    expect(
      screen.queryByRole('button', { name: 'Close campaign' }),
    ).not.toBeInTheDocument();
  });
});
