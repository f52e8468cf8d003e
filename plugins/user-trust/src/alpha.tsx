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
} from '@backstage/frontend-plugin-api';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import { userTrustApiRef, UserTrustClient } from './api';
import { rootRouteRef as legacyRootRouteRef } from './routes';

/** The entity tab, shared with the legacy plugin so both resolve alike. */
const rootRouteRef = convertLegacyRouteRef(legacyRootRouteRef);

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

/** @alpha */
export default createFrontendPlugin({
  pluginId: 'user-trust',
  info: { packageJson: () => import('../package.json') },
  routes: { root: rootRouteRef },
  extensions: [userTrustApi, entityUserTrustCard, entityUserTrustContent],
});
