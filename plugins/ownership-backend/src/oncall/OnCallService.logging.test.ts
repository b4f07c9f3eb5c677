import { mockServices } from '@backstage/backend-test-utils';
import type { OnCallProvider } from '@ownership-portal/plugin-ownership-node';
import { memoryCache } from '../__testUtils__/cache';
import { loggableKey, OnCallService } from './OnCallService';
import type { UserDirectory } from './UserDirectory';

const INTEGRATION_KEY = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';
const FEED = 'https://calendar.example.com/private/s3cr3t-token/basic.ics';

const users = {
  lookups: async () => ({
    userByEmail: () => undefined,
    userByRef: () => undefined,
  }),
} as unknown as UserDirectory;

/** A remote provider that is down, keyed by a secret as PagerDuty and iCalendar keys are. */
function failing(id: string, key: string): OnCallProvider {
  return {
    id,
    remote: true,
    match: () => ({ matchedBy: 'service-annotation', key }),
    resolve: async () => {
      throw new Error('provider is down');
    },
  };
}

describe('OnCallService logs', () => {
  it.each([
    [
      'a PagerDuty integration key',
      'pagerduty',
      `integration:${INTEGRATION_KEY}`,
    ],
    ['an iCalendar feed URL', 'ical', `ical:${FEED}`],
  ])('never contain %s', async (_what, id, key) => {
    const logger = mockServices.logger.mock();
    const service = OnCallService.create({
      providers: [failing(id, key)],
      cache: memoryCache(),
      users,
      logger,
    });

    const answer = await service.answer({
      service: {
        entityRef: 'component:default/api',
        kind: 'Component',
        annotations: {},
      },
    });

    expect(answer).toMatchObject({ status: 'unknown' });
    const logged = JSON.stringify([
      ...logger.warn.mock.calls,
      ...logger.info.mock.calls,
      ...logger.error.mock.calls,
      ...logger.debug.mock.calls,
    ]);
    expect(logged).toContain(loggableKey(key));
    expect(logged).not.toContain(key.slice(key.indexOf(':') + 1));
  });

  it('names a key by its type and a fingerprint', () => {
    expect(loggableKey(`integration:${INTEGRATION_KEY}`)).toMatch(
      /^integration:#[0-9a-f]{8}$/,
    );
    expect(loggableKey(`ical:${FEED}`)).not.toBe(
      loggableKey('ical:https://calendar.example.com/other.ics'),
    );
  });
});
