import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { OwnershipClient, ownershipApiRef } from './api';
import {
  attestationsRouteRef,
  campaignRouteRef,
  campaignsRouteRef,
  rootRouteRef,
} from './routes';

/**
 * The ownership plugin for apps on the legacy frontend system.
 *
 * @public
 */
export const ownershipPlugin = createPlugin({
  id: 'ownership',
  apis: [
    createApiFactory({
      api: ownershipApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: deps => new OwnershipClient(deps),
    }),
  ],
  routes: {
    root: rootRouteRef,
    campaigns: campaignsRouteRef,
    campaign: campaignRouteRef,
    attestations: attestationsRouteRef,
  },
});

/**
 * The ownership page; mount it at `/ownership`. It serves the audit
 * dashboard, the incident lookup (`lookup`), the audit campaigns
 * (`campaigns`, `campaigns/:id`) and the signed-in user's pending
 * attestations (`attestations`).
 *
 * @public
 */
export const OwnershipPage: () => JSX.Element | null = ownershipPlugin.provide(
  createRoutableExtension({
    name: 'OwnershipPage',
    component: () =>
      import('./components/OwnershipPage').then(m => m.OwnershipPage),
    mountPoint: rootRouteRef,
  }),
);

/**
 * Entity card "Ownership": owner, on-call, runbooks, ADRs, findings and
 * maturity of the current entity. Put it on component, system, API and
 * resource pages.
 *
 * @public
 */
export const EntityOwnershipCard: () => JSX.Element | null =
  ownershipPlugin.provide(
    createComponentExtension({
      name: 'EntityOwnershipCard',
      component: {
        lazy: () =>
          import('./components/EntityOwnershipCard').then(
            m => m.EntityOwnershipCard,
          ),
      },
    }),
  );

/**
 * Entity tab content "Operations": runbooks, ADRs, tech debt, findings and
 * history. Use it in `<EntityLayout.Route path="/operations" title="Operations">`.
 *
 * @public
 */
export const EntityOperationsContent: () => JSX.Element | null =
  ownershipPlugin.provide(
    createComponentExtension({
      name: 'EntityOperationsContent',
      component: {
        lazy: () =>
          import('./components/EntityOperationsContent').then(
            m => m.EntityOperationsContent,
          ),
      },
    }),
  );

/**
 * Group card "Team ownership": the team's services (sub-groups included)
 * with their level and findings, and the team's rotation.
 *
 * @public
 */
export const TeamOwnershipCard: () => JSX.Element | null =
  ownershipPlugin.provide(
    createComponentExtension({
      name: 'TeamOwnershipCard',
      component: {
        lazy: () =>
          import('./components/TeamOwnershipCard').then(
            m => m.TeamOwnershipCard,
          ),
      },
    }),
  );

/**
 * Group tab content "Onboarding": the reading list of a new team member
 * (runbooks, ADRs newest first) and who to ask.
 *
 * @public
 */
export const TeamOwnershipContent: () => JSX.Element | null =
  ownershipPlugin.provide(
    createComponentExtension({
      name: 'TeamOwnershipContent',
      component: {
        lazy: () =>
          import('./components/TeamOwnershipContent').then(
            m => m.TeamOwnershipContent,
          ),
      },
    }),
  );
