import { convertLegacyRouteRefs } from '@backstage/core-compat-api';
import { createFrontendPlugin } from '@backstage/frontend-plugin-api';
import {
  attestationsRouteRef,
  campaignRouteRef,
  campaignsRouteRef,
  rootRouteRef,
} from '../routes';
import {
  entityOperationsContent,
  entityOwnershipCard,
  entityTeamOnboardingContent,
  entityTeamOwnershipCard,
} from './entityExtensions';
import { ownershipApi, ownershipPage } from './extensions';
import {
  ownershipSearchResultListItem,
  ownershipSearchResultType,
} from './searchExtensions';

/**
 * The ownership plugin for the new frontend system.
 *
 * @alpha
 */
export const ownershipPlugin = createFrontendPlugin({
  pluginId: 'ownership',
  info: { packageJson: () => import('../../package.json') },
  extensions: [
    ownershipApi,
    ownershipPage,
    entityOwnershipCard,
    entityOperationsContent,
    entityTeamOwnershipCard,
    entityTeamOnboardingContent,
    ownershipSearchResultListItem,
    ownershipSearchResultType,
  ],
  routes: convertLegacyRouteRefs({
    root: rootRouteRef,
    campaigns: campaignsRouteRef,
    campaign: campaignRouteRef,
    attestations: attestationsRouteRef,
  }),
});
