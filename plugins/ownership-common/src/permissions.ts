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
 * Allows reading organisation-wide audit figures (`GET /summary`): counts,
 * rule shares and the trend over every audited entity, including entities
 * the caller may not read in the catalog. Everything else the API answers is
 * filtered by the catalog's own read permission instead.
 *
 * @public
 */
export const ownershipSummaryReadPermission = createPermission({
  name: 'ownership.summary.read',
  attributes: { action: 'read' },
});

/**
 * Every permission the Ownership Portal defines.
 *
 * @public
 */
export const ownershipPermissions = [
  ownershipRunCreatePermission,
  ownershipSummaryReadPermission,
];
