import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { userTrustApiRef, UserTrustClient } from './api';

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
});

/**
 * Entity card with the user-perceived signals of the entity.
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
