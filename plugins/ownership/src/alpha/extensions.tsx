import {
  compatWrapper,
  convertLegacyRouteRef,
} from '@backstage/core-compat-api';
import { Content } from '@backstage/core-components';
import { ReactRouterV6PageRouter } from '@backstage/frontend-adapter-react-router-v6';
import {
  ApiBlueprint,
  discoveryApiRef,
  fetchApiRef,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import AssignmentIndIcon from '@mui/icons-material/AssignmentInd';
import { OwnershipClient, ownershipApiRef } from '../api';
import { rootRouteRef } from '../routes';

/** `api:ownership`: the client of the ownership backend. */
export const ownershipApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: ownershipApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: deps => new OwnershipClient(deps),
    }),
});

/**
 * `page:ownership`: the audit dashboard at `/ownership`, the incident
 * lookup at `/ownership/lookup`, the audit campaigns at
 * `/ownership/campaigns` and `/ownership/campaigns/:id`, and the user's
 * pending attestations at `/ownership/attestations`, listed in the sidebar.
 * The page renders its own React Router routes; `ReactRouterV6PageRouter`
 * scopes them to the page's mount (rather than the implicit compatibility
 * fallback, which warns in development).
 */
export const ownershipPage = PageBlueprint.make({
  params: {
    path: '/ownership',
    title: 'Ownership',
    icon: <AssignmentIndIcon fontSize="inherit" />,
    routeRef: convertLegacyRouteRef(rootRouteRef),
    loader: () =>
      import('../components/OwnershipPage').then(m => (
        <ReactRouterV6PageRouter>
          {compatWrapper(
            <Content>
              <m.OwnershipRoutes />
            </Content>,
          )}
        </ReactRouterV6PageRouter>
      )),
  },
});
