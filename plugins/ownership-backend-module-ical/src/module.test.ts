import { createBackendPlugin } from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import {
  ownershipOnCallProvidersExtensionPoint,
  type OnCallProvider,
} from '@ownership-portal/plugin-ownership-node';
import ownershipModuleIcal from '.';
import { calendar, onCallContext } from './__testUtils__/fixtures';

function ownershipPlugin(added: OnCallProvider[]) {
  return createBackendPlugin({
    pluginId: 'ownership',
    register(env) {
      env.registerExtensionPoint(ownershipOnCallProvidersExtensionPoint, {
        addProvider: (...providers) => added.push(...providers),
      });
      env.registerInit({ deps: {}, async init() {} });
    },
  });
}

describe('ownershipModuleIcal', () => {
  it('adds the ical provider, reading through the UrlReader with the configured limit', async () => {
    const added: OnCallProvider[] = [];
    const urlReader = mockServices.urlReader.mock({
      readUrl: async () => ({
        buffer: async () =>
          Buffer.from(calendar('X-WR-CALNAME:'.padEnd(300, 'x'))),
      }),
    });
    await startTestBackend({
      features: [
        ownershipPlugin(added),
        ownershipModuleIcal,
        urlReader.factory,
        mockServices.rootConfig.factory({
          data: { ownership: { oncall: { ical: { maxBytes: 100 } } } },
        }),
      ],
    });

    expect(added.map(p => [p.id, p.remote])).toEqual([['ical', true]]);
    const url = 'https://calendar.example.com/team.ics';
    await expect(
      added[0].resolve(
        { matchedBy: 'team-annotation', key: `ical:${url}`, data: { url } },
        onCallContext('2026-12-01T00:00:00Z'),
      ),
    ).rejects.toThrow('bigger than the limit of 100 bytes');
    expect(urlReader.readUrl).toHaveBeenCalledTimes(1);
  });

  it('stops the backend on a nonsensical setting', async () => {
    await expect(
      startTestBackend({
        features: [
          ownershipPlugin([]),
          ownershipModuleIcal,
          mockServices.rootConfig.factory({
            data: { ownership: { oncall: { ical: { timeoutMs: -5 } } } },
          }),
        ],
      }),
    ).rejects.toThrow(
      'ownership.oncall.ical.timeoutMs must be a positive number, got -5',
    );
  });
});
