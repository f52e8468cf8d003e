import express from 'express';
import {
  AuthService,
  HttpAuthService,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { spec } from '../schema/openapi.generated';
import { SignalIngestor } from '../signals/SignalIngestor';
import { SignalStore } from '../signals/SignalStore';
import { registerSignalRoutes } from '../signals/signalRoutes';
import { EntitySloStore } from '../slo/EntitySloStore';
import { EvaluationService } from '../slo/EvaluationService';
import { registerSloRoutes, SLO_BODY_TYPES } from '../slo/sloRoutes';
import { FieldRoleService } from '../fieldRoles/FieldRoleService';
import { registerFieldRoleRoutes } from '../fieldRoles/fieldRoleRoutes';
import { HealthService } from '../health/HealthService';
import { registerHealthRoutes } from '../health/healthRoutes';
import { SourcesService } from '../sources/SourcesService';
import { registerSourceRoutes } from '../sources/sourceRoutes';
import { ImportMappingStore } from '../imports/ImportMappingStore';
import { registerImportRoutes } from '../imports/importRoutes';
import { SignalImportService } from '../imports/SignalImportService';
import { AlertStore } from '../alerts/AlertStore';
import { registerAlertRoutes } from '../alerts/alertRoutes';
import { createEntityAccess } from './entityAccess';
import { checkQueryParameters } from './queryParameters';
import { checkRequestContent } from './requestContent';
import { nameUnknownProperties } from './validationErrors';

export interface RouterOptions {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  catalog: CatalogService;
  logger: LoggerService;
  store: SignalStore;
  ingestor: SignalIngestor;
  sloStore: EntitySloStore;
  evaluations: EvaluationService;
  /** For the field-role registry routes (catalog refreshes after changes). */
  auth: AuthService;
  fieldRoles: FieldRoleService;
  health: HealthService;
  sources: SourcesService;
  imports: SignalImportService;
  importMappings: ImportMappingStore;
  alerts: AlertStore;
  /** Told of entities whose SLOs or field roles changed (caches, health). */
  entitiesChanged(entityRefs: string[]): Promise<void>;
}

// A batch of 5,000 signals with attributes is a few megabytes of JSON.
const MAX_BODY = '10mb';
// A file import carries the file's text: 200,000 rows of a CRM export.
const MAX_IMPORT_BODY = '64mb';
const IMPORT_PATH = '/imports/signals';

/**
 * The plugin's router: the spec's typed router with the request checks every
 * route shares, and each feature's routes (signals/, slo/, health/,
 * fieldRoles/), which the compiler checks against the spec.
 */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const importJson = express.json({ limit: MAX_IMPORT_BODY });
  const router = createValidatedOpenApiRouter(spec, {
    middleware: [
      // First: the other JSON parser leaves a parsed body alone.
      (req, res, next) =>
        req.path === IMPORT_PATH ? importJson(req, res, next) : next(),
      express.json({ limit: MAX_BODY }),
      express.text({ type: SLO_BODY_TYPES, limit: '1mb' }),
      express.text({ type: 'text/csv', limit: '5mb' }),
    ],
  });
  // After the validator, before every route.
  router.use(checkQueryParameters(spec), checkRequestContent());

  const access = createEntityAccess(options);
  registerSignalRoutes(router, { ...options, access });
  registerSloRoutes(router, { ...options, access });
  registerHealthRoutes(router, options);
  registerSourceRoutes(router, { ...options, access });
  registerFieldRoleRoutes(router, { ...options, access });
  registerImportRoutes(router, { ...options, access });
  registerAlertRoutes(router, { ...options, access });

  // After every route: the validator's 400s, with the unknown property.
  router.use(nameUnknownProperties(spec));

  return router;
}
