import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { ownershipTechDebtSourcesExtensionPoint } from '@ownership-portal/plugin-ownership-node';
import { GithubTechDebtSource } from './GithubTechDebtSource';

/**
 * Adds GitHub issues with a tech debt label as a tech debt source of the
 * ownership backend, for entities with `github.com/project-slug`.
 *
 * @public
 */
export const ownershipModuleGithubTechDebt = createBackendModule({
  pluginId: 'ownership',
  moduleId: 'github-techdebt',
  register(env) {
    env.registerInit({
      deps: {
        techDebt: ownershipTechDebtSourcesExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        cache: coreServices.cache,
      },
      async init({ techDebt, config, logger, cache }) {
        const source = GithubTechDebtSource.fromConfig(config, {
          logger,
          cache,
        });
        const github = config.getOptionalConfigArray('integrations.github');
        if (!github?.some(entry => entry.has('token') || entry.has('apps'))) {
          logger.warn(
            'GitHub tech debt source calls GitHub anonymously (60 requests an hour): no integrations.github entry has a token or apps',
          );
        }
        techDebt.addSource(source);
      },
    });
  },
});
