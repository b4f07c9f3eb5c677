import { ConfigReader } from '@backstage/config';
import { DEFAULT_OWNER_PLACEHOLDERS } from '@ownership-portal/plugin-ownership-rules';
import { readOwnersConfig } from './owners';
import { DEFAULT_RETENTION, readRetentionConfig } from './retention';
import { DEFAULT_RUNS, readRunsConfig } from './runs';
import { DEFAULT_SCHEDULE, readScheduleConfig } from './schedule';

const config = (ownership: object) => new ConfigReader({ ownership });

describe('ownership config', () => {
  it('defaults placeholders and lower-cases configured ones', () => {
    expect([...readOwnersConfig(config({})).placeholders]).toEqual(
      DEFAULT_OWNER_PLACEHOLDERS,
    );
    expect([
      ...readOwnersConfig(config({ owners: { placeholders: [' Nobody '] } }))
        .placeholders,
    ]).toEqual(['nobody']);
    expect(() =>
      readOwnersConfig(config({ owners: { placeholders: [' '] } })),
    ).toThrow('Invalid config at ownership.owners.placeholders');
  });

  it('reads retention durations in either form and checks them', () => {
    expect(readRetentionConfig(config({}))).toEqual(DEFAULT_RETENTION);
    expect(
      readRetentionConfig(
        config({ retention: { keepAll: { days: 7 }, keepDaily: 'P200D' } }),
      ),
    ).toEqual({ keepAllDays: 7, keepDailyDays: 200 });
    expect(() =>
      readRetentionConfig(
        config({
          retention: { keepAll: { days: 30 }, keepDaily: { days: 10 } },
        }),
      ),
    ).toThrow('ownership.retention.keepDaily');
    expect(() =>
      readRetentionConfig(config({ retention: { keepAll: 'soon' } })),
    ).toThrow('Invalid config at ownership.retention.keepAll');
  });

  it('reads the schedule and keeps it global', () => {
    expect(readScheduleConfig(config({}))).toEqual(DEFAULT_SCHEDULE);
    expect(
      readScheduleConfig(
        config({
          schedule: { frequency: { minutes: 5 }, timeout: { minutes: 2 } },
        }),
      ),
    ).toMatchObject({
      frequency: { minutes: 5 },
      timeout: { minutes: 2 },
      scope: 'global',
    });
  });

  it('reads the lease, deadline and catalog timeout of runs, and checks them', () => {
    expect(readRunsConfig(config({}))).toEqual(DEFAULT_RUNS);
    expect(DEFAULT_RUNS).toMatchObject({
      leaseMs: 120_000,
      deadlineMs: 1_800_000,
    });
    expect(
      readRunsConfig(
        config({
          runs: {
            lease: '20s',
            deadline: { minutes: 5 },
            catalogPageTimeout: 'PT10S',
          },
        }),
      ),
    ).toEqual({
      leaseMs: 20_000,
      heartbeatMs: 5_000,
      deadlineMs: 300_000,
      catalogPageTimeoutMs: 10_000,
    });
    expect(() =>
      readRunsConfig(config({ runs: { lease: 'forever' } })),
    ).toThrow('Invalid config at ownership.runs.lease');
    expect(() =>
      readRunsConfig(config({ runs: { deadline: { milliseconds: 10 } } })),
    ).toThrow(
      'Invalid config at ownership.runs.deadline: the duration must be at least one second',
    );
  });
});
