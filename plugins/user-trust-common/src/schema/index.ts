import type { components, paths } from './openapi.generated';

/*
 * The spec's declarations, generated from the backend's OpenAPI spec
 * (`plugins/user-trust-backend/src/schema/openapi.yaml`), the one definition
 * of the API: its paths with their operations (typed clients are built on
 * them), its operations by `operationId`, and its components.
 */
export type {
  components as UserTrustApiComponents,
  operations as UserTrustApiOperations,
  paths as UserTrustApiPaths,
} from './openapi.generated';

/**
 * The spec's named schemas. The API types this package exports are aliases
 * of these, so the backend's typed router, the frontend client and this
 * package all check against the spec.
 *
 * @public
 */
export type UserTrustApiSchemas = components['schemas'];

/** HTTP methods the API's paths use. @public */
export type UserTrustApiMethod = 'get' | 'put' | 'post' | 'delete';

/** The paths of the API that answer the given method. @public */
export type UserTrustApiPath<M extends UserTrustApiMethod> = {
  [P in keyof paths]: paths[P][M] extends { responses: unknown } ? P : never;
}[keyof paths];

/**
 * The JSON body a path and method answer with on success (200), as the spec
 * defines it; `void` for answers without a body (204).
 *
 * @public
 */
export type UserTrustApiResponse<
  P extends UserTrustApiPath<M>,
  M extends UserTrustApiMethod,
> = paths[P][M] extends {
  responses: { 200: { content: { 'application/json': infer Body } } };
}
  ? Body
  : void;
