import type {
  CampaignRecord,
  ItemState,
} from '../../../database/campaignTypes';
import { dueNotices } from './dueNotices';

const campaign: CampaignRecord = {
  id: 1,
  title: 'Q1 2027 ownership review',
  instructions: '',
  scope: {},
  state: 'open',
  opensAt: '2027-01-04T09:00:00.000Z',
  dueAt: '2027-01-18T17:00:00.000Z',
  createdBy: 'user:default/auditor',
  createdAt: '2027-01-01T09:00:00.000Z',
};

const answered: ItemState[] = [
  {
    entityRef: 'component:default/payments-api',
    team: 'group:default/payments',
    teamTitle: 'Payments',
    answer: 'confirm',
    gone: false,
  },
];

describe('dueNotices', () => {
  const now = new Date('2027-01-05T09:00:00Z');

  it('tells a creating user once everything is answered', () => {
    expect(
      dueNotices(campaign, answered, now, [7, 1]).map(n => n.occasion),
    ).toEqual(['opened', 'complete']);
  });

  it('has nobody to tell when a service created the campaign', () => {
    const byService = { ...campaign, createdBy: 'service:plugin:seeder' };
    expect(
      dueNotices(byService, answered, now, [7, 1]).map(n => n.occasion),
    ).toEqual(['opened']);
  });
});
