/**
 * The User Trust frontend plugin for Backstage's new frontend system.
 *
 * @packageDocumentation
 */

import { convertLegacyRouteRef } from '@backstage/core-compat-api';
import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import { HomePageWidgetBlueprint } from '@backstage/plugin-home-react/alpha';
import HowToRegOutlined from '@material-ui/icons/HowToRegOutlined';
import Speed from '@material-ui/icons/Speed';
import { userTrustApiRef, UserTrustClient } from './api';
import {
  fieldRolesRouteRef as legacyFieldRolesRouteRef,
  healthRouteRef as legacyHealthRouteRef,
  importRouteRef as legacyImportRouteRef,
  rootRouteRef as legacyRootRouteRef,
  sourcesRouteRef as legacySourcesRouteRef,
} from './routes';

/** The entity tab, shared with the legacy plugin so both resolve alike. */
const rootRouteRef = convertLegacyRouteRef(legacyRootRouteRef);

/** The field-roles page, shared with the legacy plugin. */
const fieldRolesRouteRef = convertLegacyRouteRef(legacyFieldRolesRouteRef);

/** The health page, shared with the legacy plugin. */
const healthRouteRef = convertLegacyRouteRef(legacyHealthRouteRef);

/** The sources page, shared with the legacy plugin. */
const sourcesRouteRef = convertLegacyRouteRef(legacySourcesRouteRef);

/** The import page, shared with the legacy plugin. */
const importRouteRef = convertLegacyRouteRef(legacyImportRouteRef);

const userTrustApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: userTrustApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new UserTrustClient({ discoveryApi, fetchApi }),
    }),
});

/**
 * The user-trust card on component pages. Shown on every component by
 * default; narrow it with the extension's `filter` config.
 *
 * @alpha
 */
export const entityUserTrustCard = EntityCardBlueprint.make({
  name: 'user-trust',
  params: {
    filter: { kind: 'component' },
    loader: () =>
      import('./components/EntityUserTrustCard').then(m => (
        <m.EntityUserTrustCard />
      )),
  },
});

/**
 * The "User trust" tab on component pages: trust score, SLO details with
 * budget burn-down, perception dissonance and the signals behind them.
 *
 * @alpha
 */
export const entityUserTrustContent = EntityContentBlueprint.make({
  name: 'user-trust',
  params: {
    path: 'user-trust',
    title: 'User trust',
    routeRef: rootRouteRef,
    filter: { kind: 'component' },
    loader: () =>
      import('./components/EntityUserTrustContent').then(m => (
        <m.EntityUserTrustContent />
      )),
  },
});

/**
 * The field-role holders (TAM, CSM, DevRel, support lead) of components,
 * APIs, systems and resources, next to the owner in the info column. Those
 * allowed to manage field roles of the entity can edit them here.
 *
 * @alpha
 */
export const entityFieldRolesCard = EntityCardBlueprint.make({
  name: 'field-roles',
  params: {
    type: 'info',
    filter: { kind: { $in: ['component', 'api', 'system', 'resource'] } },
    loader: () =>
      import('./components/EntityFieldRolesCard').then(m => (
        <m.EntityFieldRolesCard />
      )),
  },
});

/**
 * On user and group pages: what the person or team covers as TAM, CSM,
 * DevRel or support lead.
 *
 * @alpha
 */
export const entityFieldRolePortfolioCard = EntityCardBlueprint.make({
  name: 'field-role-portfolio',
  params: {
    filter: { kind: { $in: ['user', 'group'] } },
    loader: () =>
      import('./components/FieldRolePortfolioCard').then(m => (
        <m.FieldRolePortfolioCard />
      )),
  },
});

/**
 * The "Field roles" page at `/user-trust/field-roles`, with its nav item
 * (nav items come from pages with a title and an icon). The page brings its
 * own Backstage header and tabs, so the plugin header is turned off.
 *
 * @alpha
 */
export const fieldRolesPage = PageBlueprint.make({
  name: 'field-roles',
  params: {
    path: '/user-trust/field-roles',
    title: 'Field roles',
    icon: <HowToRegOutlined />,
    routeRef: fieldRolesRouteRef,
    noHeader: true,
    loader: () =>
      import('./components/FieldRolesPage').then(m => <m.FieldRolesPage />),
  },
});

/**
 * The "User trust" page at `/user-trust`: reliability health across the
 * catalog, with its nav item. The field-roles page stays reachable at
 * `/user-trust/field-roles`, as the router prefers the longer match.
 *
 * @alpha
 */
export const healthPage = PageBlueprint.make({
  name: 'health',
  params: {
    path: '/user-trust',
    title: 'User trust',
    icon: <Speed />,
    routeRef: healthRouteRef,
    noHeader: true,
    loader: () => import('./components/HealthPage').then(m => <m.HealthPage />),
  },
});

/**
 * The "Sources" page at `/user-trust/sources`: the installed connectors and
 * what each received, with a resync and the mapping of unmapped services
 * for those allowed `user-trust.source.manage`. It is a tab of the User
 * trust page (next to Health), so it has no nav item of its own.
 *
 * @alpha
 */
export const sourcesPage = PageBlueprint.make({
  name: 'sources',
  params: {
    path: '/user-trust/sources',
    routeRef: sourcesRouteRef,
    noHeader: true,
    loader: () =>
      import('./components/SourcesPage').then(m => <m.SourcesPage />),
  },
});

/**
 * The "Import" page at `/user-trust/import`: signals from a CSV or JSON
 * file through a column mapping saved per source, a dry run listing every
 * bad row, and an all-or-nothing import with its progress. A tab of the
 * User trust page, so it has no nav item of its own.
 *
 * @alpha
 */
export const importPage = PageBlueprint.make({
  name: 'import',
  params: {
    path: '/user-trust/import',
    routeRef: importRouteRef,
    noHeader: true,
    loader: () => import('./components/ImportPage').then(m => <m.ImportPage />),
  },
});

/**
 * "Burning fastest" on the home page: the five services burning error
 * budget fastest. Offered in the home page's widget list; add it to the
 * `page:home` `defaultConfig` to show it by default.
 *
 * @alpha
 */
export const homePageBurningFastestWidget = HomePageWidgetBlueprint.make({
  name: 'burning-fastest',
  params: {
    name: 'UserTrustBurningFastest',
    title: 'Burning fastest',
    description: 'The services burning their user-trust error budget fastest',
    components: () =>
      import('./components/HealthHomeCard').then(m => ({
        Content: m.HealthHomeCardContent,
        Actions: m.HealthHomeCardActions,
      })),
  },
});

/** @alpha */
export default createFrontendPlugin({
  pluginId: 'user-trust',
  info: { packageJson: () => import('../package.json') },
  routes: {
    root: rootRouteRef,
    fieldRoles: fieldRolesRouteRef,
    health: healthRouteRef,
    sources: sourcesRouteRef,
    import: importRouteRef,
  },
  extensions: [
    userTrustApi,
    entityUserTrustCard,
    entityUserTrustContent,
    entityFieldRolesCard,
    entityFieldRolePortfolioCard,
    fieldRolesPage,
    healthPage,
    sourcesPage,
    importPage,
    homePageBurningFastestWidget,
  ],
});
