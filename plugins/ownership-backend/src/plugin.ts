import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import {
  type OwnershipRule,
  ownershipRulesExtensionPoint,
} from '@ownership-portal/plugin-ownership-node';
import { readScopeConfig } from './config/scope';
import { applyMigrations } from './database/migrations';
import { DatabaseRunStore } from './database/RunStore';
import { createRouter } from './router';
import { OverviewService } from './services/OverviewService';
import { RuleRegistry } from './services/RuleRegistry';

/**
 * The ownership backend plugin.
 *
 * @public
 */
export const ownershipPlugin = createBackendPlugin({
  pluginId: 'ownership',
  register(env) {
    const moduleRules: OwnershipRule[] = [];
    env.registerExtensionPoint(ownershipRulesExtensionPoint, {
      addRules(...rules) {
        moduleRules.push(...rules);
      },
    });

    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        database: coreServices.database,
        catalog: catalogServiceRef,
      },
      async init({ config, logger, httpAuth, httpRouter, database, catalog }) {
        // Configuration and rules are checked before the database is
        // touched, so a bad setup fails fast and leaves nothing open.
        const scope = readScopeConfig(config);
        const rules = RuleRegistry.create({ rules: moduleRules });
        const client = await database.getClient();
        await applyMigrations(database, client);
        const runs = DatabaseRunStore.create({ client });
        const overview = OverviewService.create({ catalog, scope });
        logger.info(
          `Auditing ${scope.kinds.join(', ')} with ${
            rules.list().length
          } registered rule(s)`,
        );
        httpRouter.use(await createRouter({ httpAuth, overview, rules, runs }));
      },
    });
  },
});
