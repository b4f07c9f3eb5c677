/*
 * The Ownership Portal dev backend: the new backend system with the catalog,
 * auth (guest provider for local use), permissions (the policy chosen by
 * permission.policy), proxy, the ownership plugin, search and MCP actions.
 */
import { createBackend } from '@backstage/backend-defaults';
import { authModuleTransitiveOwnership } from './auth/ownershipResolverModule';
import { permissionModulePolicyFromConfig } from './permissions/policyModule';

const backend = createBackend();

backend.add(import('@backstage/plugin-app-backend'));
backend.add(import('@backstage/plugin-proxy-backend'));

backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));
// Signed-in users own through their groups and those groups' parents, so a
// member of a sub-team may answer for its parent team's services.
backend.add(authModuleTransitiveOwnership);

backend.add(import('@backstage/plugin-events-backend'));
// Notifications (campaign reminders reach teams through them) and signals,
// which push new notifications to open browsers.
backend.add(import('@backstage/plugin-notifications-backend'));
backend.add(import('@backstage/plugin-signals-backend'));

backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(import('@backstage/plugin-catalog-backend-module-logs'));

backend.add(import('@backstage/plugin-permission-backend'));
// The policy comes from config (permission.policy): allow-all for `npm start`,
// the example policy of app-config.production.yaml otherwise.
backend.add(permissionModulePolicyFromConfig);

backend.add(import('@ownership-portal/plugin-ownership-backend'));
// On-call providers beside the rotations in app-config: PagerDuty (active
// once ownership.oncall.pagerduty.token is set, e.g. in app-config.local.yaml)
// and iCalendar feeds named by the ownership-portal/oncall-ical annotation.
backend.add(
  import('@ownership-portal/plugin-ownership-backend-module-pagerduty'),
);
backend.add(import('@ownership-portal/plugin-ownership-backend-module-ical'));
// Search: catalog entities and one ownership document per audited entity
// (owner, on-call rotation, runbooks, ADRs, open findings). No engine module
// is added, so the in-memory Lunr engine serves development; production
// adds @backstage/plugin-search-backend-module-pg.
backend.add(import('@backstage/plugin-search-backend'));
backend.add(import('@backstage/plugin-search-backend-module-catalog'));
backend.add(import('@ownership-portal/plugin-search-backend-module-ownership'));
// Offers the ownership actions (who-owns, list-ownership-findings) to AI
// assistants over MCP at /api/mcp-actions/v1.
backend.add(import('@backstage/plugin-mcp-actions-backend'));
backend.start();
