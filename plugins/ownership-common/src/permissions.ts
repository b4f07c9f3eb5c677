import { createPermission } from '@backstage/plugin-permission-common';

/**
 * Allows starting an audit run by hand (`POST /runs`).
 *
 * @public
 */
export const ownershipRunCreatePermission = createPermission({
  name: 'ownership.run.create',
  attributes: { action: 'create' },
});

/**
 * Every permission the Ownership Portal defines.
 *
 * @public
 */
export const ownershipPermissions = [ownershipRunCreatePermission];
