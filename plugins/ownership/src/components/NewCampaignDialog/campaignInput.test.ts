import { type CampaignForm, campaignInputOf, listOf } from './campaignInput';

const form: CampaignForm = {
  title: '  Q1 review ',
  instructions: '',
  opens: '2027-01-05',
  due: '2027-01-31',
  kinds: '',
  lifecycles: '',
  systems: '',
  teams: '',
  includeSubgroups: true,
  excludeTeams: '',
};

describe('campaignInputOf', () => {
  it('leaves out empty instructions and scope lists', () => {
    expect(campaignInputOf(form)).toEqual({
      title: 'Q1 review',
      opensAt: new Date(2027, 0, 5).toISOString(),
      dueAt: new Date(2027, 0, 31, 23, 59, 59, 999).toISOString(),
      scope: { includeSubgroups: true },
    });
  });

  it('splits lists on commas and lines', () => {
    expect(
      campaignInputOf({
        ...form,
        lifecycles: 'production,\n experimental ,',
        systems: 'system:default/payments',
        excludeTeams: 'group:default/a, group:default/b',
      }).scope,
    ).toEqual({
      include: {
        lifecycles: ['production', 'experimental'],
        systems: ['system:default/payments'],
      },
      exclude: { teams: ['group:default/a', 'group:default/b'] },
      includeSubgroups: true,
    });
  });

  it('sends a malformed date as typed, for the backend to name it', () => {
    expect(campaignInputOf({ ...form, due: '31/01/2027' }).dueAt).toBe(
      '31/01/2027',
    );
  });
});

describe('listOf', () => {
  it('drops blanks', () => {
    expect(listOf(' , ,\n')).toEqual([]);
  });
});
