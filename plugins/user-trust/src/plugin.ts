import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { InfoCardVariants } from '@backstage/core-components';
import { createCardExtension } from '@backstage/plugin-home-react';
import { userTrustApiRef, UserTrustClient } from './api';
import {
  fieldRolesRouteRef,
  healthRouteRef,
  importRouteRef,
  rootRouteRef,
  sourcesRouteRef,
} from './routes';

/**
 * The User Trust frontend plugin, for apps on the legacy frontend system.
 * Apps on the new frontend system use the default export of `/alpha`.
 *
 * @public
 */
export const userTrustPlugin = createPlugin({
  id: 'user-trust',
  apis: [
    createApiFactory({
      api: userTrustApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new UserTrustClient({ discoveryApi, fetchApi }),
    }),
  ],
  routes: {
    root: rootRouteRef,
    fieldRoles: fieldRolesRouteRef,
    health: healthRouteRef,
    sources: sourcesRouteRef,
    import: importRouteRef,
  },
});

/**
 * Props of {@link EntityUserTrustCard}.
 *
 * @public
 */
export type EntityUserTrustCardProps = {
  /** Card title; default "User trust". */
  title?: string;
};

/**
 * Props of the field-role entity cards.
 *
 * @public
 */
export type UserTrustEntityCardProps = {
  /** Card title; default "Field roles". */
  title?: string;
  /** Info card variant, e.g. `gridItem`. */
  variant?: InfoCardVariants;
};

/**
 * Props of the plugin's pages.
 *
 * @public
 */
export type UserTrustPageProps = {
  title?: string;
  subtitle?: string;
};

/**
 * Entity card with the trust score, the user-trust SLOs and the
 * user-perceived signals of the entity.
 *
 * @public
 */
export const EntityUserTrustCard: (
  props: EntityUserTrustCardProps,
) => JSX.Element = userTrustPlugin.provide(
  createComponentExtension({
    name: 'EntityUserTrustCard',
    component: {
      lazy: () =>
        import('./components/EntityUserTrustCard').then(
          m => m.EntityUserTrustCard,
        ),
    },
  }),
);

/**
 * Entity tab "User trust": trust score, SLO details with budget burn-down,
 * perception dissonance and the signals behind them. Mount it under the
 * entity page, e.g.
 * `<EntityLayout.Route path="/user-trust" title="User trust"><EntityUserTrustContent /></EntityLayout.Route>`.
 *
 * @public
 */
export const EntityUserTrustContent: () => JSX.Element =
  userTrustPlugin.provide(
    createRoutableExtension({
      name: 'EntityUserTrustContent',
      component: () =>
        import('./components/EntityUserTrustContent').then(
          m => m.EntityUserTrustContent,
        ),
      mountPoint: rootRouteRef,
    }),
  );

/**
 * Entity card with the field-role holders of the entity — TAM, CSM, DevRel,
 * support lead — and the required roles nobody holds. Place it next to the
 * owner, e.g. on component, API, system and resource overview pages. Users
 * allowed `user-trust.field-role.manage` on the entity can edit here.
 *
 * @public
 */
export const EntityFieldRolesCard: (
  props: UserTrustEntityCardProps,
) => JSX.Element = userTrustPlugin.provide(
  createComponentExtension({
    name: 'EntityFieldRolesCard',
    component: {
      lazy: () =>
        import('./components/EntityFieldRolesCard').then(
          m => m.EntityFieldRolesCard,
        ),
    },
  }),
);

/**
 * Entity card for User and Group pages: which entities the person or team
 * covers as TAM, CSM, DevRel or support lead, grouped by role.
 *
 * @public
 */
export const EntityFieldRolePortfolioCard: (
  props: UserTrustEntityCardProps,
) => JSX.Element = userTrustPlugin.provide(
  createComponentExtension({
    name: 'EntityFieldRolePortfolioCard',
    component: {
      lazy: () =>
        import('./components/FieldRolePortfolioCard').then(
          m => m.FieldRolePortfolioCard,
        ),
    },
  }),
);

/**
 * The "Field roles" page for platform teams: blind spots, assignments,
 * portfolios, bulk import and the audit log. Mount it in the app's routes,
 * e.g. `<Route path="/user-trust/field-roles" element={<FieldRolesPage />} />`.
 *
 * @public
 */
export const FieldRolesPage: (props: UserTrustPageProps) => JSX.Element =
  userTrustPlugin.provide(
    createRoutableExtension({
      name: 'FieldRolesPage',
      component: () =>
        import('./components/FieldRolesPage').then(m => m.FieldRolesPage),
      mountPoint: fieldRolesRouteRef,
    }),
  );

/**
 * The catalog-wide reliability health page: status distribution, the
 * services burning error budget fastest, and every service (or team,
 * system, domain) with filters kept in the URL. Mount it in the app's
 * routes, e.g. `<Route path="/user-trust" element={<UserTrustHealthPage />} />`.
 *
 * @public
 */
export const UserTrustHealthPage: (props: UserTrustPageProps) => JSX.Element =
  userTrustPlugin.provide(
    createRoutableExtension({
      name: 'UserTrustHealthPage',
      component: () =>
        import('./components/HealthPage').then(m => m.HealthPage),
      mountPoint: healthRouteRef,
    }),
  );

/**
 * The "Sources" page: one row per installed connector (PagerDuty,
 * Statuspage, ...) with its state, last webhook and sync, signals stored,
 * a running backfill and the latest errors; the webhook URL to paste while
 * nothing has arrived; external services seen without an entity. Users
 * allowed `user-trust.source.manage` can start a resync and map those
 * services to entities. Mount it in the app's routes, e.g.
 * `<Route path="/user-trust/sources" element={<UserTrustSourcesPage />} />`.
 *
 * @public
 */
export const UserTrustSourcesPage: (props: UserTrustPageProps) => JSX.Element =
  userTrustPlugin.provide(
    createRoutableExtension({
      name: 'UserTrustSourcesPage',
      component: () =>
        import('./components/SourcesPage').then(m => m.SourcesPage),
      mountPoint: sourcesRouteRef,
    }),
  );

/**
 * The "Import" page: signals from a CSV or JSON file exported from a CRM, a
 * survey tool or a spreadsheet. Its columns are mapped to signal fields
 * (the mapping is saved per source), a dry run lists every bad row and what
 * would be created or updated, and the import writes all rows in one
 * transaction with a progress bar; importing the same file again creates
 * nothing. Users without `user-trust.signal.create` can check files but not
 * import them. Mount it in the app's routes, e.g.
 * `<Route path="/user-trust/import" element={<UserTrustImportPage />} />`.
 *
 * @public
 */
export const UserTrustImportPage: (props: UserTrustPageProps) => JSX.Element =
  userTrustPlugin.provide(
    createRoutableExtension({
      name: 'UserTrustImportPage',
      component: () =>
        import('./components/ImportPage').then(m => m.ImportPage),
      mountPoint: importRouteRef,
    }),
  );

/**
 * Home page card "Burning fastest": the five services burning error budget
 * fastest, linking to the health page. Place it on a custom home page, e.g.
 * `<HomePageUserTrustBurningCard />` inside `CustomHomepageGrid`.
 *
 * @public
 */
export const HomePageUserTrustBurningCard = userTrustPlugin.provide(
  createCardExtension<{}>({
    name: 'HomePageUserTrustBurningCard',
    title: 'Burning fastest',
    description: 'The services burning their user-trust error budget fastest',
    components: () =>
      import('./components/HealthHomeCard').then(m => ({
        Content: m.HealthHomeCardContent,
        Actions: m.HealthHomeCardActions,
      })),
  }),
);
