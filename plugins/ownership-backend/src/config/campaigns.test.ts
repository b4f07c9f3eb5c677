import { ConfigReader } from '@backstage/config';
import { DEFAULT_CAMPAIGNS, readCampaignsConfig } from './campaigns';

const config = (campaigns: object) =>
  new ConfigReader({ ownership: { campaigns } });

describe('readCampaignsConfig', () => {
  it('defaults to reminders 7 days and 1 day before, closing 14 days after the due date, a tick every 5 minutes', () => {
    expect(readCampaignsConfig(new ConfigReader({}))).toEqual(
      DEFAULT_CAMPAIGNS,
    );
    expect(readCampaignsConfig(config({}))).toEqual({
      reminderOffsetsDays: [7, 1],
      closeAfterDueMs: 14 * 24 * 60 * 60 * 1000,
      tickFrequency: { minutes: 5 },
    });
  });

  it('reads each key in either duration form, and keeps the defaults of the others', () => {
    expect(
      readCampaignsConfig(
        config({
          reminders: { offsetsDays: [1, 14, 3, 1, 0.5] },
          closeAfterDue: 'P3D',
          schedule: { frequency: '30s' },
        }),
      ),
    ).toEqual({
      reminderOffsetsDays: [14, 3, 1, 0.5],
      closeAfterDueMs: 3 * 24 * 60 * 60 * 1000,
      tickFrequency: { seconds: 30 },
    });
    expect(
      readCampaignsConfig(config({ closeAfterDue: { hours: 0 } })),
    ).toEqual({ ...DEFAULT_CAMPAIGNS, closeAfterDueMs: 0 });
    expect(
      readCampaignsConfig(config({ reminders: { offsetsDays: [] } })),
    ).toEqual({ ...DEFAULT_CAMPAIGNS, reminderOffsetsDays: [] });
  });

  it('refuses bad values, naming the key', () => {
    expect(() =>
      readCampaignsConfig(config({ reminders: { offsetsDays: 7 } })),
    ).toThrow(
      'Invalid config at ownership.campaigns.reminders.offsetsDays: expected a list of positive numbers of days, e.g. [7, 1]; got 7',
    );
    expect(() =>
      readCampaignsConfig(config({ reminders: { offsetsDays: [7, '1d'] } })),
    ).toThrow('ownership.campaigns.reminders.offsetsDays');
    expect(() =>
      readCampaignsConfig(config({ reminders: { offsetsDays: [7, 0] } })),
    ).toThrow('ownership.campaigns.reminders.offsetsDays');
    expect(() =>
      readCampaignsConfig(config({ closeAfterDue: 'two weeks' })),
    ).toThrow('Invalid config at ownership.campaigns.closeAfterDue');
    expect(() =>
      readCampaignsConfig(config({ closeAfterDue: { days: -1 } })),
    ).toThrow(
      'Invalid config at ownership.campaigns.closeAfterDue: the duration must not be negative',
    );
    expect(() =>
      readCampaignsConfig(config({ schedule: { frequency: 'often' } })),
    ).toThrow('Invalid config at ownership.campaigns.schedule.frequency');
    expect(() =>
      readCampaignsConfig(
        config({ schedule: { frequency: { milliseconds: 10 } } }),
      ),
    ).toThrow(
      'Invalid config at ownership.campaigns.schedule.frequency: the duration must be at least one second',
    );
  });
});
