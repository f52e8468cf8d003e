import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { startTestBackend } from '@backstage/backend-test-utils';
import {
  CatalogProcessor,
  CatalogProcessorRelationResult,
  CatalogProcessorResult,
  catalogProcessingExtensionPoint,
} from '@backstage/plugin-catalog-node';
import {
  CompoundEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { DEFAULT_FIELD_ROLES } from '@user-trust/plugin-user-trust-common';
import catalogModuleUserTrustFieldRoles from '.';

const lowerRef = (ref: CompoundEntityRef) =>
  stringifyEntityRef(ref).toLocaleLowerCase('en-US');

/** Stands in for the field-role registry of the user-trust backend. */
const fakeUserTrustBackend = createBackendPlugin({
  pluginId: 'user-trust',
  register(reg) {
    reg.registerInit({
      deps: {
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
      },
      async init({ httpRouter, httpAuth }) {
        httpRouter.use(async (req, res, next) => {
          try {
            // Only the catalog's service principal gets past this.
            await httpAuth.credentials(req, { allow: ['service'] });
            if (req.path === '/field-roles/types') {
              res.json({ roles: DEFAULT_FIELD_ROLES });
            } else if (req.path === '/field-roles/assignments') {
              const entityRef = String(req.query.entityRef);
              const items =
                entityRef === 'component:default/checkout-api'
                  ? [
                      {
                        entityRef,
                        role: 'tam',
                        holderRef: 'user:default/rachel.kim',
                        accounts: [],
                        since: '2026-01-05',
                        source: 'registry',
                      },
                    ]
                  : [];
              res.json({ items, totalCount: items.length });
            } else {
              next();
            }
          } catch (error) {
            next(error);
          }
        });
      },
    });
  },
});

describe('catalogModuleUserTrustFieldRoles', () => {
  it('adds a processor that reads the registry of the user-trust backend', async () => {
    const processors: CatalogProcessor[] = [];
    await startTestBackend({
      extensionPoints: [
        [
          catalogProcessingExtensionPoint,
          {
            addProcessor: (
              ...added: Array<CatalogProcessor | CatalogProcessor[]>
            ) => processors.push(...added.flat()),
          },
        ],
      ],
      features: [catalogModuleUserTrustFieldRoles, fakeUserTrustBackend],
    });

    expect(processors.map(p => p.getProcessorName())).toEqual([
      'UserTrustFieldRoleProcessor',
    ]);

    const results: CatalogProcessorResult[] = [];
    await processors[0].postProcessEntity!(
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: {
          name: 'checkout-api',
          annotations: { 'user-trust.io/field-role-csm': 'grace.liu' },
        },
        spec: { type: 'service', owner: 'checkout-team' },
      },
      { type: 'file', target: '/catalog.yaml' },
      result => results.push(result),
      { get: async () => undefined, set: async () => {} },
    );

    expect(
      results.map(r => {
        const { source, type, target } = (r as CatalogProcessorRelationResult)
          .relation;
        return `${lowerRef(source)} ${type} ${lowerRef(target)}`;
      }),
    ).toEqual([
      'component:default/checkout-api userTrustHasTam user:default/rachel.kim',
      'user:default/rachel.kim userTrustTamOf component:default/checkout-api',
      'component:default/checkout-api userTrustHasCsm user:default/grace.liu',
      'user:default/grace.liu userTrustCsmOf component:default/checkout-api',
    ]);
  });
});
