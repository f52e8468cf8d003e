import {
  AuthService,
  BackstageCredentials,
  HttpAuthService,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { ApiRouter } from '@backstage/backend-openapi-utils';
import { Request } from 'express';
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  fieldRoleAnnotation,
  FieldRoleImportResult,
  FieldRoleImportRow,
  userTrustFieldRoleManagePermission,
} from '@user-trust/plugin-user-trust-common';
import { HolderAddition } from './FieldRoleStore';
import {
  FieldRoleService,
  normalizeAccounts,
  normalizeRef,
} from './FieldRoleService';
import {
  MAX_IMPORT_ROWS,
  NumberedImportRow,
  parseImportCsv,
} from './importCsv';
import { spec } from '../schema/openapi.generated';
import { EntityAccess, EntityParams } from '../service/entityAccess';
import { principalRef } from '../service/principals';

export interface FieldRoleRouteOptions {
  httpAuth: HttpAuthService;
  auth: AuthService;
  permissions: PermissionsService;
  catalog: CatalogService;
  logger: LoggerService;
  fieldRoles: FieldRoleService;
  access: EntityAccess;
  /** Told which entities' field roles changed, to refresh their health. */
  entitiesChanged(entityRefs: string[]): Promise<void>;
}

const DEFAULT_PAGE_SIZE = 100;
/** Bad rows named in the message of a rejected import. */
const ERRORS_IN_MESSAGE = 10;

/** The page of a list request, from integers checked by checkQueryParameters. */
function page(query: { limit?: number; offset?: number }) {
  return {
    limit: query.limit ?? DEFAULT_PAGE_SIZE,
    offset: query.offset ?? 0,
  };
}

/** A ref from a query string, normalised, or a 400 naming the parameter. */
function queryRef(
  name: string,
  value: unknown,
  defaultKind?: string,
): string | undefined {
  if (value === undefined) return undefined;
  const normalized = normalizeRef(String(value), defaultKind);
  if ('error' in normalized) {
    throw new InputError(`${name}: ${normalized.error}`);
  }
  return normalized.ref;
}

/**
 * Registers the field-role registry routes: role types, an entity's field
 * roles, PUT and DELETE of holders, listing across entities, the audit log,
 * bulk import and coverage.
 */
export function registerFieldRoleRoutes(
  router: ApiRouter<typeof spec>,
  options: FieldRoleRouteOptions,
) {
  const {
    httpAuth,
    auth,
    permissions,
    catalog,
    logger,
    fieldRoles,
    access: { visibleEntity, changeableEntity },
    entitiesChanged,
  } = options;
  const { types, store } = fieldRoles;
  const writers = { allow: ['user', 'service'] as Array<'user' | 'service'> };

  /** Lets a catalog processor pick the change up; never fails the request. */
  async function refresh(entityRefs: Iterable<string>) {
    const changed = [...new Set(entityRefs)];
    await entitiesChanged(changed);
    const credentials = await auth.getOwnServiceCredentials();
    for (const entityRef of changed) {
      try {
        await catalog.refreshEntity(entityRef, { credentials });
      } catch (error) {
        logger.warn(
          `Could not ask the catalog to refresh ${entityRef} after a field-role change: ${error}`,
        );
      }
    }
  }

  /** The entity of a change request, once the caller may change its roles. */
  const manageableEntity = (req: Request<EntityParams>) =>
    changeableEntity(req, userTrustFieldRoleManagePermission);

  function knownRole(role: string) {
    const unknown = fieldRoles.unknownRole(role);
    if (unknown) throw new InputError(`role: ${unknown}`);
  }

  router.get('/field-roles/types', async (req, res) => {
    await httpAuth.credentials(req);
    res.json({ roles: types.list() });
  });

  router.get(
    '/entities/:kind/:namespace/:name/field-roles',
    async (req, res) => {
      const entity = await visibleEntity(
        req.params,
        await httpAuth.credentials(req),
      );
      res.json(await fieldRoles.forEntity(entity));
    },
  );

  router.put(
    '/entities/:kind/:namespace/:name/field-roles/:role',
    async (req, res) => {
      const { credentials, entity, entityRef } = await manageableEntity(req);
      const { role } = req.params;
      knownRole(role);
      const holders = await fieldRoles.checkHolders(
        req.body.holders,
        credentials,
      );
      const change = await store.replaceHolders(
        entityRef,
        role,
        holders,
        principalRef(auth, credentials),
      );
      if (change.changed) {
        logger.info(
          `Field role ${role} of ${entityRef} set to [${change.after
            .map(a => a.holderRef)
            .join(', ')}] by ${principalRef(auth, credentials)}`,
        );
        await refresh([entityRef]);
      }
      res.json(await fieldRoles.forEntity(entity));
    },
  );

  router.delete(
    '/entities/:kind/:namespace/:name/field-roles/:role/:holderRef',
    async (req, res) => {
      const { credentials, entity, entityRef } = await manageableEntity(req);
      const { role } = req.params;
      const holderRef = queryRef('holderRef', req.params.holderRef, 'user')!;
      const change = await store.removeHolder(
        entityRef,
        role,
        holderRef,
        principalRef(auth, credentials),
      );
      if (!change) {
        if (
          fieldRoles
            .seeds(entity)
            .some(s => s.role === role && s.holderRef === holderRef)
        ) {
          throw new InputError(
            `${holderRef} holds ${role} of ${entityRef} through the catalog annotation ${fieldRoleAnnotation(
              role,
            )}: edit the annotation, or override the role's holders with PUT`,
          );
        }
        throw new NotFoundError(
          `${holderRef} is not registered as ${role} of ${entityRef}`,
        );
      }
      logger.info(
        `Field role ${role} of ${entityRef}: ${holderRef} removed by ${principalRef(
          auth,
          credentials,
        )}`,
      );
      await refresh([entityRef]);
      res.status(204).end();
    },
  );

  router.get('/field-roles/assignments', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const filter = {
      entityRef: queryRef('entityRef', req.query.entityRef),
      role: req.query.role as string | undefined,
      holderRef: queryRef('holderRef', req.query.holderRef, 'user'),
    };
    const excludeEntityRefs = await fieldRoles.hidden(
      await store.entityRefs(filter),
      credentials,
    );
    res.json(
      await store.list({ ...filter, excludeEntityRefs }, page(req.query)),
    );
  });

  router.get('/field-roles/audit', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const entityRef = queryRef('entityRef', req.query.entityRef);
    const excludeEntityRefs = await fieldRoles.hidden(
      await store.auditEntityRefs(entityRef),
      credentials,
    );
    res.json(
      await store.audit({ entityRef, excludeEntityRefs }, page(req.query)),
    );
  });

  router.get('/field-roles/coverage', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const role = req.query.role as string | undefined;
    if (role !== undefined) knownRole(role);
    res.json(
      await fieldRoles.coverage(credentials, {
        role,
        holderRef: queryRef('holderRef', req.query.holderRef, 'user'),
      }),
    );
  });

  router.post('/field-roles/import', async (req, res) => {
    const credentials = await httpAuth.credentials(req, writers);
    const dryRun = String(req.query.dryRun) === 'true';

    let rows: NumberedImportRow[];
    const errors: FieldRoleImportResult['errors'] = [];
    if (typeof req.body === 'string') {
      const parsed = parseImportCsv(req.body);
      rows = parsed.rows;
      errors.push(...parsed.errors);
      if (rows.length + parsed.errors.length === 0) {
        throw new InputError('The CSV import has no rows');
      }
      if (rows.length + parsed.errors.length > MAX_IMPORT_ROWS) {
        throw new InputError(
          `The CSV import has more than ${MAX_IMPORT_ROWS} rows`,
        );
      }
    } else {
      rows = (req.body.rows as FieldRoleImportRow[]).map((input, i) => ({
        row: i + 1,
        input,
      }));
    }

    const { additions, rowErrors, denied } = await checkImportRows(
      rows,
      credentials,
    );
    errors.push(...rowErrors);
    errors.sort((a, b) => a.row - b.row);

    if (errors.length > 0 && !dryRun) {
      const listed = errors
        .slice(0, ERRORS_IN_MESSAGE)
        .map(e => `row ${e.row}: ${e.message}`)
        .join('; ');
      const more =
        errors.length > ERRORS_IN_MESSAGE
          ? ` (and ${errors.length - ERRORS_IN_MESSAGE} more bad rows)`
          : '';
      const message = `Import rejected, nothing written: ${listed}${more}`;
      if (denied === errors.length) throw new NotAllowedError(message);
      throw new InputError(message);
    }

    const apply = !dryRun && errors.length === 0;
    const { changes, roles } = await store.addHolders(
      additions.map(a => a.addition),
      principalRef(auth, credentials),
      { dryRun: !apply },
    );
    if (apply && roles.length > 0) {
      logger.info(
        `Field-role import by ${principalRef(auth, credentials)}: ${
          changes.filter(c => c !== 'unchanged').length
        } assignments of ${roles.length} entity roles changed`,
      );
      await refresh(roles.map(r => r.entityRef));
    }
    const result: FieldRoleImportResult = {
      dryRun,
      applied: apply,
      changes: additions.map(({ row, addition }, i) => ({
        row,
        entityRef: addition.entityRef,
        role: addition.role,
        holderRef: addition.holder.holderRef,
        change: changes[i],
      })),
      errors,
    };
    res.json(result);
  });

  /**
   * Checks every row of an import and answers the additions of the good
   * ones, the errors of the bad ones and how many errors are refusals.
   */
  async function checkImportRows(
    rows: NumberedImportRow[],
    credentials: BackstageCredentials,
  ) {
    const rowErrors: FieldRoleImportResult['errors'] = [];
    const candidates: Array<{ row: number; addition: HolderAddition }> = [];
    const seen = new Map<string, number>();
    for (const { row, input } of rows) {
      const fail = (message: string) => rowErrors.push({ row, message });
      const entity = normalizeRef(input.entityRef);
      if ('error' in entity) {
        fail(`entityRef: ${entity.error}`);
        continue;
      }
      const unknown = fieldRoles.unknownRole(input.role);
      if (unknown) {
        fail(`role: ${unknown}`);
        continue;
      }
      const holderError = fieldRoles.holderError(input.holderRef, input.since);
      if (holderError) {
        const field = holderError.field === 'ref' ? 'holderRef' : 'since';
        fail(`${field}: ${holderError.message}`);
        continue;
      }
      const holderRef = (
        normalizeRef(input.holderRef, 'user') as { ref: string }
      ).ref;
      const key = JSON.stringify([entity.ref, input.role, holderRef]);
      if (seen.has(key)) {
        fail(
          `${holderRef} as ${input.role} of ${
            entity.ref
          } repeats row ${seen.get(key)}`,
        );
        continue;
      }
      seen.set(key, row);
      const note = input.note?.trim();
      candidates.push({
        row,
        addition: {
          entityRef: entity.ref,
          role: input.role,
          holder: {
            holderRef,
            ...(input.accounts
              ? { accounts: normalizeAccounts(input.accounts) }
              : {}),
            ...(note ? { note } : {}),
            ...(input.since ? { since: input.since } : {}),
          },
        },
      });
    }

    const found = await fieldRoles.existing(
      candidates.flatMap(c => [
        c.addition.entityRef,
        c.addition.holder.holderRef,
      ]),
      credentials,
    );
    const entityRefs = [
      ...new Set(
        candidates.map(c => c.addition.entityRef).filter(ref => found.has(ref)),
      ),
    ];
    const decisions = entityRefs.length
      ? await permissions.authorize(
          entityRefs.map(resourceRef => ({
            permission: userTrustFieldRoleManagePermission,
            resourceRef,
          })),
          { credentials },
        )
      : [];
    const allowed = new Set(
      entityRefs.filter(
        (_, i) => decisions[i]?.result === AuthorizeResult.ALLOW,
      ),
    );

    let denied = 0;
    const additions: typeof candidates = [];
    for (const candidate of candidates) {
      const { row, addition } = candidate;
      const fail = (message: string) => rowErrors.push({ row, message });
      if (!found.has(addition.entityRef)) {
        fail(`entityRef: ${addition.entityRef} does not exist in the catalog`);
      } else if (!found.has(addition.holder.holderRef)) {
        fail(
          `holderRef: ${addition.holder.holderRef} does not exist in the catalog`,
        );
      } else if (!allowed.has(addition.entityRef)) {
        denied += 1;
        fail(
          `not allowed: ${userTrustFieldRoleManagePermission.name} on ${addition.entityRef}`,
        );
      } else {
        additions.push(candidate);
      }
    }
    return { additions, rowErrors, denied };
  }
}
