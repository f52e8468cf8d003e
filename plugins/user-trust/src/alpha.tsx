/**
 * The User Trust frontend plugin for Backstage's new frontend system.
 *
 * @packageDocumentation
 */

import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { userTrustApiRef, UserTrustClient } from './api';

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

/** @alpha */
export default createFrontendPlugin({
  pluginId: 'user-trust',
  info: { packageJson: () => import('../package.json') },
  extensions: [userTrustApi, entityUserTrustCard],
});
