/*
 * The example portal's backend: the catalog (with the User Trust field-role
 * relations), guest sign-in, permissions and the User Trust plugin with its
 * development-only demo signal history.
 */

import { createBackend } from '@backstage/backend-defaults';

const backend = createBackend();

backend.add(import('@backstage/plugin-app-backend'));

backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));

backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(import('@backstage/plugin-catalog-backend-module-logs'));
// Field-role holders (TAM, CSM, ...) as relations: userTrustHasTam/userTrustTamOf.
backend.add(import('@user-trust/plugin-catalog-backend-module-user-trust'));

backend.add(import('@backstage/plugin-permission-backend'));
// Allows everything except managing field roles: the platform team
// everywhere, an entity's owners on their own entities (permissionPolicy.ts).
backend.add(import('./permissionPolicy'));

backend.add(import('@user-trust/plugin-user-trust-backend'));
// Fills 90 days of demo signals when `userTrust.demoData.enabled` is true
// (app-config.yaml, i.e. development only).
backend.add(import('@user-trust/plugin-user-trust-backend-module-demo-data'));

backend.start();
