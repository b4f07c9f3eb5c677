/*
 * The Ownership Portal dev backend: the new backend system with the catalog,
 * auth (guest provider for local use), permissions, proxy, the ownership
 * plugin and MCP actions.
 */
import { createBackend } from '@backstage/backend-defaults';

const backend = createBackend();

backend.add(import('@backstage/plugin-app-backend'));
backend.add(import('@backstage/plugin-proxy-backend'));

backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));

backend.add(import('@backstage/plugin-events-backend'));

backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(import('@backstage/plugin-catalog-backend-module-logs'));

backend.add(import('@backstage/plugin-permission-backend'));
backend.add(
  import('@backstage/plugin-permission-backend-module-allow-all-policy'),
);

backend.add(import('@ownership-portal/plugin-ownership-backend'));
// On-call providers beside the rotations in app-config: PagerDuty (active
// once ownership.oncall.pagerduty.token is set, e.g. in app-config.local.yaml)
// and iCalendar feeds named by the ownership-portal/oncall-ical annotation.
backend.add(
  import('@ownership-portal/plugin-ownership-backend-module-pagerduty'),
);
backend.add(import('@ownership-portal/plugin-ownership-backend-module-ical'));
// Offers the ownership actions (who-owns, list-ownership-findings) to AI
// assistants over MCP at /api/mcp-actions/v1.
backend.add(import('@backstage/plugin-mcp-actions-backend'));
backend.start();
