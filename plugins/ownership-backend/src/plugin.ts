import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import { ownershipPermissions } from '@ownership-portal/plugin-ownership-common';
import {
  type OnCallProvider,
  ownershipOnCallProvidersExtensionPoint,
  ownershipTechDebtSourcesExtensionPoint,
  type TechDebtSource,
  type OwnershipRule,
  ownershipRulesExtensionPoint,
} from '@ownership-portal/plugin-ownership-node';
import { DatabaseAdrFirstSeenStore } from './docs/adr/firstSeen';
import { DocsResolver } from './docs/DocsResolver';
import { DocumentReaderService } from './docs/reader';
import { OnCallService } from './oncall/OnCallService';
import { StaticOnCallProvider } from './oncall/static';
import { UserDirectory } from './oncall/UserDirectory';
import { registerOwnershipActions } from './actions';
import { readCampaignSeeds } from './config/campaignSeeds';
import { readCampaignsConfig } from './config/campaigns';
import { readOnCallCacheTtl } from './config/oncall';
import { readOwnersConfig } from './config/owners';
import { readRetentionConfig } from './config/retention';
import { readRunsConfig } from './config/runs';
import { readScheduleConfig } from './config/schedule';
import { readScopeConfig } from './config/scope';
import { closeOnShutdown } from './database/closeOnShutdown';
import { applyMigrations } from './database/migrations';
import {
  DatabaseCampaignStore,
  DatabaseResultStore,
  DatabaseRunStore,
} from './database';
import { createRouter } from './router';
import {
  builtInRules,
  DEFAULT_DEBT_MAX_AGE_DAYS,
  RuleEngine,
  RUNBOOK_STALE_MAX_AGE_DAYS,
} from '@ownership-portal/plugin-ownership-rules';
import { AuditRunner } from './services/audit/AuditRunner';
import { scheduleAudits } from './services/audit/scheduleAudits';
import { setupCampaigns } from './services/campaigns/setupCampaigns';
import { CatalogReader } from './services/ingest/CatalogReader';
import { LookupService } from './services/lookup/LookupService';
import { OverviewService } from './services/OverviewService';
import { CatalogVisibility } from './services/query/CatalogVisibility';
import { DocumentQueries } from './services/query/DocumentQueries';
import { SearchDocumentQueries } from './services/query/SearchDocumentQueries';
import { Selection } from './services/query/Selection';
import { ServiceQueries } from './services/query/ServiceQueries';
import { TeamQueries } from './services/query/TeamQueries';
import { RuleRegistry } from './services/RuleRegistry';

/**
 * The ownership backend plugin: audits the catalog on a schedule and serves
 * the results under `/api/ownership`.
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
    const debtSources: TechDebtSource[] = [];
    env.registerExtensionPoint(ownershipTechDebtSourcesExtensionPoint, {
      addSource(...sources) {
        debtSources.push(...sources);
      },
    });
    const moduleProviders: OnCallProvider[] = [];
    env.registerExtensionPoint(ownershipOnCallProvidersExtensionPoint, {
      addProvider(...providers) {
        moduleProviders.push(...providers);
      },
    });

    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        auth: coreServices.auth,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        database: coreServices.database,
        scheduler: coreServices.scheduler,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        auditor: coreServices.auditor,
        cache: coreServices.cache,
        lifecycle: coreServices.lifecycle,
        rootLifecycle: coreServices.rootLifecycle,
        urlReader: coreServices.urlReader,
        userInfo: coreServices.userInfo,
        catalog: catalogServiceRef,
        notifications: notificationService,
        actionsRegistry: actionsRegistryServiceRef,
      },
      async init(deps) {
        const { config, logger, catalog, database } = deps;
        // Configuration and rules are checked before the database is
        // touched, so a bad setup fails fast and leaves nothing open.
        const scope = readScopeConfig(config);
        const owners = readOwnersConfig(config);
        const retention = readRetentionConfig(config);
        const schedule = readScheduleConfig(config);
        const runLimits = readRunsConfig(config);
        const campaignsConfig = readCampaignsConfig(config);
        const campaignSeeds = readCampaignSeeds(config);
        const registry = RuleRegistry.create({
          rules: [...builtInRules, ...moduleRules],
        });
        const engine = RuleEngine.create({ rules: registry, config, logger });

        const client = await database.getClient();
        closeOnShutdown({
          client,
          rootLifecycle: deps.rootLifecycle,
          logger,
        });
        await applyMigrations(database, client, { logger });
        const runs = DatabaseRunStore.create({ client });
        const results = DatabaseResultStore.create({ client });
        const campaignStore = DatabaseCampaignStore.create({ client });

        const users = UserDirectory.create({
          catalog,
          auth: deps.auth,
          logger,
        });
        const oncall = OnCallService.create({
          // Module providers first: on equally specific matches they win
          // over the rotations in config.
          providers: [
            ...moduleProviders,
            StaticOnCallProvider.create({ config, logger }),
          ],
          cache: deps.cache,
          freshTtlMs: readOnCallCacheTtl(config),
          users,
          logger,
        });
        const documents = DocumentReaderService.create({
          config,
          urlReader: deps.urlReader,
          cache: deps.cache,
          logger,
        });
        const docs = DocsResolver.create({
          reader: documents,
          sources: debtSources,
          cache: deps.cache,
          firstSeen: DatabaseAdrFirstSeenStore.create({ client }),
          logger,
          runbookMaxAgeDays:
            config.getOptionalNumber(
              'ownership.rules.runbook.stale.maxAgeDays',
            ) ?? RUNBOOK_STALE_MAX_AGE_DAYS,
          debtMaxAgeDays:
            config.getOptionalNumber(
              'ownership.rules.techdebt.overdue.maxAgeDays',
            ) ?? DEFAULT_DEBT_MAX_AGE_DAYS,
        });
        const reader = CatalogReader.create({
          catalog,
          scope,
          pageTimeoutMs: runLimits.catalogPageTimeoutMs,
        });
        const runner = AuditRunner.create({
          oncall,
          docs,
          reader,
          disputes: async () =>
            new Map(
              (await campaignStore.disputes()).map(d => [d.entityRef, d]),
            ),
          engine,
          runs,
          auth: deps.auth,
          logger,
          scope,
          owners,
          retention,
          limits: runLimits,
        });
        // A run of this replica that is cut short by a shutdown is marked
        // failed at once, so another replica can run without waiting out
        // the lease.
        deps.lifecycle.addShutdownHook(() => runner.stop());
        const lookup = LookupService.create({ runs, results, logger });
        runner.onCompleted(() => lookup.refresh());
        runner.onUsersRead(read => users.update(read));

        const visibility = CatalogVisibility.create({ catalog });
        const ruleIds = () => registry.list().map(r => r.id);
        const selection = Selection.create({
          runs,
          results,
          ruleIds,
          kinds: scope.kinds,
          visibility,
        });
        const services = ServiceQueries.create({
          results,
          selection,
          visibility,
          oncall,
        });
        const campaigns = await setupCampaigns({
          config: campaignsConfig,
          seeds: campaignSeeds,
          store: campaignStore,
          catalog,
          auth: deps.auth,
          userInfo: deps.userInfo,
          permissions: deps.permissions,
          visibility,
          notifications: deps.notifications,
          scheduler: deps.scheduler,
          logger,
          snapshot: {
            reader,
            auth: deps.auth,
            owners,
            auditScope: scope,
            runs,
            results,
          },
          runner,
        });
        deps.permissionsRegistry.addPermissions(ownershipPermissions);
        deps.httpRouter.use(
          createRouter({
            httpAuth: deps.httpAuth,
            permissions: deps.permissions,
            auditor: deps.auditor,
            runner,
            runs,
            engine,
            selection,
            services,
            teams: TeamQueries.create({
              results,
              selection,
              visibility,
              oncall,
            }),
            lookup,
            visibility,
            overview: OverviewService.create({ catalog, scope }),
            oncall,
            documents: DocumentQueries.create({
              results,
              selection,
              visibility,
              reader: documents,
            }),
            campaigns,
            searchDocuments: SearchDocumentQueries.create({
              services,
              results,
              selection,
              visibility,
            }),
          }),
        );
        registerOwnershipActions({
          actionsRegistry: deps.actionsRegistry,
          services,
          lookup,
          visibility,
          campaigns,
        });
        await scheduleAudits({
          scheduler: deps.scheduler,
          schedule,
          runner,
          logger,
        });
        logger.info(
          `Auditing ${scope.kinds.join(', ')} with ${
            registry.list().length
          } rule(s)`,
        );
      },
    });
  },
});
