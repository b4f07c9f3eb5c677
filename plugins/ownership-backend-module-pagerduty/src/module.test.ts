import { createBackendPlugin } from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import {
  type OnCallProvider,
  ownershipOnCallProvidersExtensionPoint,
} from '@ownership-portal/plugin-ownership-node';
import { ownershipModulePagerDuty } from './module';
import { PagerDutyOnCallProvider } from './PagerDutyOnCallProvider';

/** Stands in for the ownership backend: collects the providers modules add. */
function capturingPlugin(providers: OnCallProvider[]) {
  return createBackendPlugin({
    pluginId: 'ownership',
    register(env) {
      env.registerExtensionPoint(ownershipOnCallProvidersExtensionPoint, {
        addProvider(...added) {
          providers.push(...added);
        },
      });
      env.registerInit({ deps: {}, async init() {} });
    },
  });
}

describe('ownershipModulePagerDuty', () => {
  it('adds the PagerDuty provider when a token is configured', async () => {
    const providers: OnCallProvider[] = [];
    const backend = await startTestBackend({
      features: [
        capturingPlugin(providers),
        ownershipModulePagerDuty,
        mockServices.rootConfig.factory({
          data: {
            ownership: {
              oncall: {
                pagerduty: {
                  token: 'pd-token',
                  baseUrl: 'https://api.eu.pagerduty.com',
                },
              },
            },
          },
        }),
      ],
    });

    expect(providers).toHaveLength(1);
    expect(providers[0]).toBeInstanceOf(PagerDutyOnCallProvider);
    expect(providers[0]).toMatchObject({ id: 'pagerduty', remote: true });
    await backend.stop();
  });

  it('adds nothing and says so once without a token', async () => {
    const providers: OnCallProvider[] = [];
    const logger = mockServices.logger.mock();
    const backend = await startTestBackend({
      features: [
        capturingPlugin(providers),
        ownershipModulePagerDuty,
        logger.factory,
        mockServices.rootConfig.factory({
          data: { ownership: { oncall: { pagerduty: { baseUrl: '' } } } },
        }),
      ],
    });

    expect(providers).toEqual([]);
    expect(logger.info).toHaveBeenCalledTimes(1);
    expect(logger.info).toHaveBeenCalledWith(
      expect.stringContaining('ownership.oncall.pagerduty.token'),
    );
    await backend.stop();
  });

  it('stops the backend on a malformed base URL', async () => {
    await expect(
      startTestBackend({
        features: [
          capturingPlugin([]),
          ownershipModulePagerDuty,
          mockServices.rootConfig.factory({
            data: {
              ownership: {
                oncall: { pagerduty: { token: 't', baseUrl: 'api.pagerduty' } },
              },
            },
          }),
        ],
      }),
    ).rejects.toThrow(
      'ownership.oncall.pagerduty.baseUrl must be an absolute URL',
    );
  });
});
