import { createRouteRef } from '@backstage/core-plugin-api';

/**
 * The entity tab "User trust".
 *
 * @public
 */
export const rootRouteRef = createRouteRef({ id: 'user-trust' });
