import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { searchIndexRegistryExtensionPoint } from '@backstage/plugin-search-backend-node/alpha';
import { OwnershipCollatorFactory } from './collator/OwnershipCollatorFactory';
import { readSchedule } from './config';

/**
 * Adds the Ownership Portal's collator to the search backend: documents of
 * type `ownership`, rebuilt on the schedule of
 * `search.collators.ownership.schedule` (default: every 10 minutes).
 *
 * @public
 */
export const searchModuleOwnershipCollator = createBackendModule({
  pluginId: 'search',
  moduleId: 'ownership-collator',
  register(env) {
    env.registerInit({
      deps: {
        auth: coreServices.auth,
        config: coreServices.rootConfig,
        discovery: coreServices.discovery,
        logger: coreServices.logger,
        scheduler: coreServices.scheduler,
        indexRegistry: searchIndexRegistryExtensionPoint,
      },
      async init({
        auth,
        config,
        discovery,
        logger,
        scheduler,
        indexRegistry,
      }) {
        indexRegistry.addCollator({
          schedule: scheduler.createScheduledTaskRunner(readSchedule(config)),
          factory: OwnershipCollatorFactory.fromConfig(config, {
            auth,
            discovery,
            logger,
          }),
        });
      },
    });
  },
});
