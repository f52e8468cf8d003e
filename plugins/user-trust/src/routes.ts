import { createRouteRef } from '@backstage/core-plugin-api';

/**
 * The entity tab "User trust".
 *
 * @public
 */
export const rootRouteRef = createRouteRef({ id: 'user-trust' });

/**
 * The "Field roles" page for platform teams: blind spots, assignments,
 * portfolios, bulk import and the audit log. Mount it at
 * `/user-trust/field-roles`.
 *
 * @public
 */
export const fieldRolesRouteRef = createRouteRef({
  id: 'user-trust:field-roles',
});

/**
 * The catalog-wide reliability health page. Mount it at `/user-trust`.
 *
 * @public
 */
export const healthRouteRef = createRouteRef({ id: 'user-trust:health' });

/**
 * The "Sources" page: the installed connectors (PagerDuty, Statuspage, ...)
 * and what each received. Mount it at `/user-trust/sources`.
 *
 * @public
 */
export const sourcesRouteRef = createRouteRef({ id: 'user-trust:sources' });

/**
 * The "Import" page: signals from a CSV or JSON file (a CRM, survey or
 * spreadsheet export) through a saved column mapping, checked by a dry run
 * first. Mount it at `/user-trust/import`.
 *
 * @public
 */
export const importRouteRef = createRouteRef({ id: 'user-trust:import' });
