import { createPermission } from '@backstage/plugin-permission-common';

/**
 * Allows sending signals to `POST /api/user-trust/signals`. Grant it to the
 * service principals of your support, incident and survey integrations.
 *
 * @public
 */
export const userTrustSignalCreatePermission = createPermission({
  name: 'user-trust.signal.create',
  attributes: { action: 'create' },
});

/**
 * Allows setting or removing the API-registered user-trust SLOs of a catalog
 * entity. A resource permission: policies can allow it conditionally, e.g.
 * to the entity's owners.
 *
 * @public
 */
export const userTrustSloUpdatePermission = createPermission({
  name: 'user-trust.slo.update',
  attributes: { action: 'update' },
  resourceType: 'catalog-entity',
});

/**
 * Allows registering, changing and removing the field-role holders (TAM,
 * CSM, DevRel, support) of a catalog entity, one by one or by bulk import.
 * A resource permission on catalog entities, so that a policy can allow a
 * platform team everything and an entity's owners their own entities.
 * Reading field roles needs only a signed-in user.
 *
 * @public
 */
export const userTrustFieldRoleManagePermission = createPermission({
  name: 'user-trust.field-role.manage',
  attributes: { action: 'update' },
  resourceType: 'catalog-entity',
});

/**
 * Allows starting a connector's sync and mapping external services
 * (PagerDuty services, Statuspage components) to entities on the Sources
 * page. Reading the Sources page needs only a signed-in user.
 *
 * @public
 */
export const userTrustSourceManagePermission = createPermission({
  name: 'user-trust.source.manage',
  attributes: { action: 'update' },
});

/**
 * Every permission of the User Trust plugin.
 *
 * @public
 */
export const userTrustPermissions = [
  userTrustSignalCreatePermission,
  userTrustSloUpdatePermission,
  userTrustFieldRoleManagePermission,
  userTrustSourceManagePermission,
];
