import { mockCredentials } from '@backstage/backend-test-utils';
import { actionsRegistryServiceMock } from '@backstage/backend-test-utils/alpha';
import type { PendingAttestation } from '@ownership-portal/plugin-ownership-common';
import type { CampaignService } from '../services/campaigns/CampaignService';
import { registerListPendingAttestationsAction } from './listPendingAttestations';

const pending: PendingAttestation = {
  campaign: {
    id: 3,
    title: 'Q1 2027 ownership review',
    dueAt: '2027-01-18T17:00:00.000Z',
    overdue: false,
  },
  item: {
    campaignId: 3,
    entityRef: 'component:default/payments-api',
    title: 'Payments API',
    kind: 'Component',
    team: 'group:default/payments',
    findings: ['runbook.missing'],
    gone: false,
    answers: 0,
  },
};

describe('list-pending-attestations', () => {
  it("lists the caller's pending items with their campaign, as the caller", async () => {
    const actionsRegistry = actionsRegistryServiceMock();
    const campaigns = {
      pending: jest.fn(async () => ({ items: [pending], last: pending })),
    };
    registerListPendingAttestationsAction({
      actionsRegistry,
      campaigns: campaigns as unknown as CampaignService,
    });
    const credentials = mockCredentials.user('user:default/priya');
    const { output } = await actionsRegistry.invoke({
      id: 'test:list-pending-attestations',
      input: { limit: 1 },
      credentials,
    });
    expect(campaigns.pending).toHaveBeenCalledWith({ limit: 1 }, credentials);
    expect(output).toEqual({
      items: [
        {
          campaignId: 3,
          campaign: 'Q1 2027 ownership review',
          dueAt: '2027-01-18T17:00:00.000Z',
          overdue: false,
          entityRef: 'component:default/payments-api',
          title: 'Payments API',
          team: 'group:default/payments',
          findings: ['runbook.missing'],
        },
      ],
      more: true,
    });
    const { actions } = await actionsRegistry.list();
    expect(
      actions.find(a => a.name === 'list-pending-attestations')!.attributes,
    ).toEqual({ readOnly: true, idempotent: true, destructive: false });
  });

  it('refuses a limit out of range', async () => {
    const actionsRegistry = actionsRegistryServiceMock();
    registerListPendingAttestationsAction({
      actionsRegistry,
      campaigns: { pending: jest.fn() } as unknown as CampaignService,
    });
    await expect(
      actionsRegistry.invoke({
        id: 'test:list-pending-attestations',
        input: { limit: 1000 },
        credentials: mockCredentials.user(),
      }),
    ).rejects.toThrow(/limit/);
  });
});
