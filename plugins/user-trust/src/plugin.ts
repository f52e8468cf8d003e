import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { userTrustApiRef, UserTrustClient } from './api';
import { rootRouteRef } from './routes';

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
  },
});

/**
 * Entity card with the trust score, the user-trust SLOs and the
 * user-perceived signals of the entity.
 *
 * @public
 */
export const EntityUserTrustCard = userTrustPlugin.provide(
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
export const EntityUserTrustContent = userTrustPlugin.provide(
  createRoutableExtension({
    name: 'EntityUserTrustContent',
    component: () =>
      import('./components/EntityUserTrustContent').then(
        m => m.EntityUserTrustContent,
      ),
    mountPoint: rootRouteRef,
  }),
);
