import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { authOwnershipResolutionExtensionPoint } from '@backstage/plugin-auth-node';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { transitiveOwnershipResolver } from './transitiveOwnershipResolver';

/**
 * Signs users in with their groups and all of those groups' parents as
 * ownership (see {@link transitiveOwnershipResolver}), for every sign-in
 * that resolves a catalog user, the dev guest's included.
 */
export const authModuleTransitiveOwnership = createBackendModule({
  pluginId: 'auth',
  moduleId: 'transitive-ownership',
  register(reg) {
    reg.registerInit({
      deps: {
        ownership: authOwnershipResolutionExtensionPoint,
        catalog: catalogServiceRef,
        auth: coreServices.auth,
      },
      async init({ ownership, catalog, auth }) {
        ownership.setAuthOwnershipResolver(
          transitiveOwnershipResolver({ catalog, auth }),
        );
      },
    });
  },
});
