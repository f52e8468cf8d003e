/*
 * The example portal's backend: the catalog, guest sign-in, permissions and
 * the User Trust plugin with its development-only demo signal history.
 */

import { createBackend } from '@backstage/backend-defaults';

const backend = createBackend();

backend.add(import('@backstage/plugin-app-backend'));

backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));

backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(import('@backstage/plugin-catalog-backend-module-logs'));

backend.add(import('@backstage/plugin-permission-backend'));
backend.add(
  import('@backstage/plugin-permission-backend-module-allow-all-policy'),
);

backend.add(import('@user-trust/plugin-user-trust-backend'));
// Fills 90 days of demo signals when `userTrust.demoData.enabled` is true
// (app-config.yaml, i.e. development only).
backend.add(import('@user-trust/plugin-user-trust-backend-module-demo-data'));

backend.start();
