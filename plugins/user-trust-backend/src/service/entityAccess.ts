import {
  BackstageCredentials,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { NotAllowedError, NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  AuthorizePermissionRequest,
  AuthorizeResult,
  ResourcePermission,
} from '@backstage/plugin-permission-common';
import { toStoredEntityRef } from '@user-trust/plugin-user-trust-common';
import { Request } from 'express';

/** The path parameters of every `/entities/{kind}/{namespace}/{name}` route. */
export type EntityParams = { kind: string; namespace: string; name: string };

/**
 * Who may see and change what, shared by every feature's routes: one place
 * for the catalog visibility rule and for permission checks.
 */
export interface EntityAccess {
  /** A 403 unless the permission framework allows the request. */
  authorize(
    credentials: BackstageCredentials,
    request: AuthorizePermissionRequest,
  ): Promise<void>;
  /** The entity, read as the caller: who cannot see it gets a 404. */
  visibleEntity(
    params: EntityParams,
    credentials: BackstageCredentials,
  ): Promise<Entity>;
  /**
   * The entity of a change request, once the caller (a user or a service)
   * may see it and holds the permission on it.
   */
  changeableEntity(
    req: Request<EntityParams>,
    permission: ResourcePermission,
  ): Promise<{
    credentials: BackstageCredentials;
    entity: Entity;
    entityRef: string;
  }>;
}

export function createEntityAccess(options: {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  catalog: CatalogService;
}): EntityAccess {
  const { httpAuth, permissions, catalog } = options;

  async function authorize(
    credentials: BackstageCredentials,
    request: AuthorizePermissionRequest,
  ) {
    const [decision] = await permissions.authorize([request], {
      credentials,
    });
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(`Not allowed: ${request.permission.name}`);
    }
  }

  async function visibleEntity(
    params: EntityParams,
    credentials: BackstageCredentials,
  ): Promise<Entity> {
    const entityRef = stringifyEntityRef(params);
    const entity = await catalog.getEntityByRef(entityRef, { credentials });
    if (!entity) {
      throw new NotFoundError(`No entity ${entityRef} that you may see`);
    }
    return entity;
  }

  async function changeableEntity(
    req: Request<EntityParams>,
    permission: ResourcePermission,
  ) {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const entity = await visibleEntity(req.params, credentials);
    const entityRef = toStoredEntityRef(entity);
    await authorize(credentials, { permission, resourceRef: entityRef });
    return { credentials, entity, entityRef };
  }

  return { authorize, visibleEntity, changeableEntity };
}
