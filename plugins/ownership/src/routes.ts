import { createRouteRef, createSubRouteRef } from '@backstage/core-plugin-api';

/** The ownership dashboard page. */
export const rootRouteRef = createRouteRef({ id: 'ownership' });

/** The list of audit campaigns, under the ownership page. */
export const campaignsRouteRef = createSubRouteRef({
  id: 'ownership/campaigns',
  parent: rootRouteRef,
  path: '/campaigns',
});

/** One audit campaign with its progress per team. */
export const campaignRouteRef = createSubRouteRef({
  id: 'ownership/campaign',
  parent: rootRouteRef,
  path: '/campaigns/:id',
});

/** The signed-in user's team's pending attestations. */
export const attestationsRouteRef = createSubRouteRef({
  id: 'ownership/attestations',
  parent: rootRouteRef,
  path: '/attestations',
});
