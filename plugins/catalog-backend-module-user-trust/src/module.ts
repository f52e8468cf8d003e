import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { UserTrustFieldRoleProcessor } from './UserTrustFieldRoleProcessor';

/**
 * Catalog module adding the {@link UserTrustFieldRoleProcessor}: field-role
 * holders of the User Trust registry and entity annotations become relations
 * such as `userTrustHasTam` / `userTrustTamOf`.
 *
 * @public
 */
export const catalogModuleUserTrustFieldRoles = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'user-trust-field-roles',
  register(reg) {
    reg.registerInit({
      deps: {
        catalog: catalogProcessingExtensionPoint,
        discovery: coreServices.discovery,
        auth: coreServices.auth,
        logger: coreServices.logger,
      },
      async init({ catalog, discovery, auth, logger }) {
        catalog.addProcessor(
          new UserTrustFieldRoleProcessor({ discovery, auth, logger }),
        );
      },
    });
  },
});
