import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { ownershipOnCallProvidersExtensionPoint } from '@ownership-portal/plugin-ownership-node';
import { ICalOnCallProvider } from './ICalOnCallProvider';

function positive(value: number | undefined, key: string) {
  if (value !== undefined && !(Number.isFinite(value) && value > 0)) {
    throw new Error(`${key} must be a positive number, got ${value}`);
  }
  return value;
}

/**
 * Adds the `ical` on-call provider to the ownership backend: on-call from
 * the iCalendar feed named by a service's or team's
 * `ownership-portal/oncall-ical` annotation.
 *
 * @public
 */
export const ownershipModuleIcal = createBackendModule({
  pluginId: 'ownership',
  moduleId: 'ical',
  register(reg) {
    reg.registerInit({
      deps: {
        providers: ownershipOnCallProvidersExtensionPoint,
        urlReader: coreServices.urlReader,
        logger: coreServices.logger,
        config: coreServices.rootConfig,
        cache: coreServices.cache,
      },
      async init({ providers, urlReader, logger, config, cache }) {
        const settings = config.getOptionalConfig('ownership.oncall.ical');
        providers.addProvider(
          new ICalOnCallProvider({
            urlReader,
            logger,
            cache,
            timeoutMs: positive(
              settings?.getOptionalNumber('timeoutMs'),
              'ownership.oncall.ical.timeoutMs',
            ),
            maxBytes: positive(
              settings?.getOptionalNumber('maxBytes'),
              'ownership.oncall.ical.maxBytes',
            ),
          }),
        );
      },
    });
  },
});
