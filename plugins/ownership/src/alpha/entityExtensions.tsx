import { compatWrapper } from '@backstage/core-compat-api';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';

/**
 * `entity-card:ownership/ownership`: the "Ownership" card on the overview of
 * Components, Systems, APIs and Resources.
 *
 * The filter is an entity predicate (kind matching is case-insensitive);
 * string filters such as `kind:component,system` are deprecated in this
 * version of the catalog blueprints. Apps can override it with
 * `app.extensions[].entity-card:ownership/ownership.config.filter`.
 */
export const entityOwnershipCard = EntityCardBlueprint.make({
  name: 'ownership',
  params: {
    // Beside "About", where a responder looks first.
    type: 'info',
    filter: { kind: { $in: ['component', 'system', 'api', 'resource'] } },
    loader: () =>
      import('../components/EntityOwnershipCard').then(m =>
        compatWrapper(<m.EntityOwnershipCard />),
      ),
  },
});

/**
 * `entity-content:ownership/operations`: the "Operations" tab of Components
 * at `/operations`: runbooks, ADRs, tech debt, findings and score history.
 */
export const entityOperationsContent = EntityContentBlueprint.make({
  name: 'operations',
  params: {
    path: '/operations',
    title: 'Operations',
    filter: { kind: 'component' },
    loader: () =>
      import('../components/EntityOperationsContent').then(m =>
        compatWrapper(<m.EntityOperationsContent />),
      ),
  },
});

/**
 * `entity-card:ownership/team-ownership`: the "Team ownership" card on the
 * overview of Groups: the team's services, its rotation and its figures.
 */
export const entityTeamOwnershipCard = EntityCardBlueprint.make({
  name: 'team-ownership',
  params: {
    filter: { kind: 'group' },
    loader: () =>
      import('../components/TeamOwnershipCard').then(m =>
        compatWrapper(<m.TeamOwnershipCard />),
      ),
  },
});

/**
 * `entity-content:ownership/onboarding`: the "Onboarding" tab of Groups at
 * `/onboarding`: the team's runbooks and ADRs, and whom to ask.
 */
export const entityTeamOnboardingContent = EntityContentBlueprint.make({
  name: 'onboarding',
  params: {
    path: '/onboarding',
    title: 'Onboarding',
    filter: { kind: 'group' },
    loader: () =>
      import('../components/TeamOwnershipContent').then(m =>
        compatWrapper(<m.TeamOwnershipContent />),
      ),
  },
});
