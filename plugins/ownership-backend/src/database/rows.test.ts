import { toTeamResult } from './rows';

describe('toTeamResult', () => {
  it('names the one service of each reading-list document stored before entityRefs existed', () => {
    const runbook = {
      title: 'Payments down',
      url: 'https://docs.example.com/payments.md',
      source: 'annotation',
      freshness: 'fresh',
      status: 'ok',
      entityRef: 'component:default/payments-api',
    };
    const team = toTeamResult({
      run_id: 1,
      team_ref: 'group:default/payments',
      title: 'Payments',
      parent_ref: null,
      service_count: 1,
      direct_service_count: 1,
      error_count: 0,
      warning_count: 0,
      info_count: 0,
      score: 100,
      member_count: 2,
      levels: JSON.stringify([0, 0, 0, 0, 1]),
      details: JSON.stringify({
        members: [],
        contacts: [],
        subGroups: [],
        readingList: { runbooks: [runbook], adrs: [] },
      }),
    });

    expect(team.readingList?.runbooks).toEqual([
      { ...runbook, entityRefs: ['component:default/payments-api'] },
    ]);
  });
});
