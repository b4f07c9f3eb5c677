import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { ownershipOnCallProvidersExtensionPoint } from '@ownership-portal/plugin-ownership-node';
import { PagerDutyOnCallProvider } from './PagerDutyOnCallProvider';

/**
 * Adds the PagerDuty on-call provider to the ownership backend when
 * `ownership.oncall.pagerduty.token` is configured.
 *
 * @public
 */
export const ownershipModulePagerDuty = createBackendModule({
  pluginId: 'ownership',
  moduleId: 'pagerduty',
  register(env) {
    env.registerInit({
      deps: {
        oncall: ownershipOnCallProvidersExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        cache: coreServices.cache,
      },
      async init({ oncall, config, logger, cache }) {
        const provider = PagerDutyOnCallProvider.fromConfig(config, {
          logger,
          cache,
        });
        if (!provider) {
          logger.info(
            'PagerDuty on-call provider is off: ownership.oncall.pagerduty.token is not configured',
          );
          return;
        }
        oncall.addProvider(provider);
      },
    });
  },
});
