/*
 * The example portal's backend: the catalog (with the User Trust field-role
 * relations), guest sign-in, permissions and the User Trust plugin with its
 * development-only demo signal history, and the MCP actions backend that
 * serves its actions to AI assistants.
 */

import { createBackend } from '@backstage/backend-defaults';
import { rootHttpRouterHoldingRequestsUntilStarted } from './holdRequestsUntilStarted';

const backend = createBackend();

// The port opens before the plugins have started: hold `/api` requests until
// they have (503 with Retry-After after 10 s) instead of answering 404.
backend.add(rootHttpRouterHoldingRequestsUntilStarted());

backend.add(import('@backstage/plugin-app-backend'));

backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));

backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(import('@backstage/plugin-catalog-backend-module-logs'));
// Field-role holders (TAM, CSM, ...) as relations: userTrustHasTam/userTrustTamOf.
backend.add(import('@user-trust/plugin-catalog-backend-module-user-trust'));

// Actions of the plugins in `backend.actions.pluginSources` (User Trust's:
// trust of an entity, services losing trust, field roles, dissonance,
// recording a signal) as MCP tools for AI assistants at /api/mcp-actions/v1.
backend.add(import('@backstage/plugin-mcp-actions-backend'));

backend.add(import('@backstage/plugin-permission-backend'));
// Reading is allowed to everyone signed in; changing User Trust data is
// restricted (permissionPolicy.ts): sending signals to the platform group and
// service principals (integrations' tokens, backend plugins), changing SLOs
// and field roles to the platform group everywhere and to an entity's owners
// on their own entities.
backend.add(import('./permissionPolicy'));

backend.add(import('@user-trust/plugin-user-trust-backend'));
// Fills 90 days of demo signals when `userTrust.demoData.enabled` is true
// (app-config.yaml, i.e. development only).
backend.add(import('@user-trust/plugin-user-trust-backend-module-demo-data'));
// PagerDuty incidents by webhooks v3 (and a REST backfill when an account
// has a token); configured under `userTrust.pagerduty` in app-config.yaml.
backend.add(import('@user-trust/plugin-user-trust-backend-module-pagerduty'));
// Statuspage incidents and scheduled maintenances by webhook (a secret token
// in the URL; REST sync when a page has an apiKey); `userTrust.statuspage`.
backend.add(import('@user-trust/plugin-user-trust-backend-module-statuspage'));
// Zendesk tickets, escalations and CSAT by signed webhooks (and the
// incremental export when a token is configured); `userTrust.zendesk`.
backend.add(import('@user-trust/plugin-user-trust-backend-module-zendesk'));
// Technical SLIs from Prometheus, daily, for the dissonance view; adds
// nothing until `userTrust.prometheus.baseUrl` is set (the example portal
// has no Prometheus).
backend.add(import('@user-trust/plugin-user-trust-backend-module-prometheus'));

backend.start();
