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
 * Every permission of the User Trust plugin.
 *
 * @public
 */
export const userTrustPermissions = [userTrustSignalCreatePermission];
