import {
  createApiFactory,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { OwnershipClient, ownershipApiRef } from './api';
import { rootRouteRef } from './routes';

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
  },
});

/**
 * The ownership dashboard page; mount it at `/ownership`.
 *
 * @public
 */
export const OwnershipPage = ownershipPlugin.provide(
  createRoutableExtension({
    name: 'OwnershipPage',
    component: () =>
      import('./components/OwnershipPage').then(m => m.OwnershipPage),
    mountPoint: rootRouteRef,
  }),
);
