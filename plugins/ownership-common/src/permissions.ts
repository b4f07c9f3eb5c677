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
 * Allows creating audit campaigns, editing them before they open and closing
 * them (`POST /campaigns`, `PATCH /campaigns/{id}`, `POST /campaigns/{id}/close`).
 *
 * @public
 */
export const ownershipCampaignManagePermission = createPermission({
  name: 'ownership.campaign.manage',
  attributes: { action: 'update' },
});

/**
 * Allows answering for a catalog entity in an audit campaign
 * (`POST /campaigns/{id}/attestations`). A resource permission on catalog
 * entities, so a policy can answer with the catalog's conditional rules; the
 * example policy allows the entity's owners (`isEntityOwner`).
 *
 * @public
 */
export const ownershipAttestationCreatePermission = createPermission({
  name: 'ownership.attestation.create',
  attributes: { action: 'create' },
  // The catalog's resource type (`RESOURCE_TYPE_CATALOG_ENTITY`), so that the
  // catalog applies the conditions of a conditional decision.
  resourceType: 'catalog-entity',
});

/**
 * Every permission the Ownership Portal defines.
 *
 * @public
 */
export const ownershipPermissions = [
  ownershipRunCreatePermission,
  ownershipSummaryReadPermission,
  ownershipCampaignManagePermission,
  ownershipAttestationCreatePermission,
];
