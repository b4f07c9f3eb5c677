import {
  compatWrapper,
  convertLegacyRouteRef,
} from '@backstage/core-compat-api';
import { Content } from '@backstage/core-components';
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

/** `page:ownership`: the audit dashboard at `/ownership`, listed in the sidebar. */
export const ownershipPage = PageBlueprint.make({
  params: {
    path: '/ownership',
    title: 'Ownership',
    icon: <AssignmentIndIcon fontSize="inherit" />,
    routeRef: convertLegacyRouteRef(rootRouteRef),
    loader: () =>
      import('../components/OverviewContent').then(m =>
        compatWrapper(
          <Content>
            <m.OverviewContent />
          </Content>,
        ),
      ),
  },
});
