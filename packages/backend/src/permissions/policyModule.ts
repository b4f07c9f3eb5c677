import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import {
  AllowAllPermissionPolicy,
  ExamplePermissionPolicy,
} from './ExamplePermissionPolicy';
import { readPolicyConfig } from './readPolicyConfig';

/**
 * Installs the permission policy that `permission.policy` names:
 * `allow-all` for local development, `example` (the default) for
 * production. See {@link ExamplePermissionPolicy}.
 */
export const permissionModulePolicyFromConfig = createBackendModule({
  pluginId: 'permission',
  moduleId: 'policy-from-config',
  register(reg) {
    reg.registerInit({
      deps: {
        policy: policyExtensionPoint,
        config: coreServices.rootConfig,
        userInfo: coreServices.userInfo,
        logger: coreServices.logger,
      },
      async init({ policy, config, userInfo, logger }) {
        const settings = readPolicyConfig(config);
        if (settings.name === 'allow-all') {
          policy.setPolicy(new AllowAllPermissionPolicy());
          logger.warn(
            'Permission policy: allow-all (permission.policy); every signed-in user may do everything. Use it for local development only',
          );
          return;
        }
        if (settings.adminGroups.length === 0) {
          logger.warn(
            'Permission policy: example, without permission.examplePolicy.adminGroups; nobody may start an audit run by hand or manage audit campaigns',
          );
        } else {
          logger.info(
            `Permission policy: example; audit runs may be started and campaigns managed by members of ${settings.adminGroups.join(
              ', ',
            )}`,
          );
        }
        policy.setPolicy(
          new ExamplePermissionPolicy({
            adminGroups: settings.adminGroups,
            userInfo,
          }),
        );
      },
    });
  },
});
