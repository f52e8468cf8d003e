import {
  AuthService,
  HttpAuthService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { ApiRouter } from '@backstage/backend-openapi-utils';
import { serializeError } from '@backstage/errors';
import {
  SignalImportStreamLine,
  userTrustSignalCreatePermission,
} from '@user-trust/plugin-user-trust-common';
import { Request, Response } from 'express';
import { spec } from '../schema/openapi.generated';
import { EntityAccess } from '../service/entityAccess';
import { principalRef } from '../service/principals';
import { ImportMappingStore } from './ImportMappingStore';
import { SignalImportService } from './SignalImportService';

export interface ImportRouteOptions {
  httpAuth: HttpAuthService;
  auth: AuthService;
  logger: LoggerService;
  access: EntityAccess;
  imports: SignalImportService;
  importMappings: ImportMappingStore;
}

/** Whether the caller asked for the streamed (NDJSON) answer. */
function wantsStream(req: Request): boolean {
  return (req.headers.accept ?? '')
    .split(',')
    .some(type => type.trim().startsWith('application/x-ndjson'));
}

function writeLine(res: Response, line: SignalImportStreamLine) {
  res.write(`${JSON.stringify(line)}\n`);
}

/** Progress lines at most this often, so a fast import is not all progress. */
const PROGRESS_EVERY_MS = 250;

/** File imports of signals (CSV, JSON) and their saved column mappings. */
export function registerImportRoutes(
  router: ApiRouter<typeof spec>,
  {
    httpAuth,
    auth,
    logger,
    access,
    imports,
    importMappings,
  }: ImportRouteOptions,
) {
  async function importer(req: Request) {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    await access.authorize(credentials, {
      permission: userTrustSignalCreatePermission,
    });
    return credentials;
  }

  router.post('/imports/signals', async (req, res) => {
    const credentials = await importer(req);
    const request = req.body;
    if (req.query.dryRun === 'true') {
      res.json(await imports.dryRun(request));
      return;
    }
    const checked = await imports.check(request);
    const who = principalRef(auth, credentials);
    const logDone = (r: {
      created: number;
      updated: number;
      unchanged: number;
    }) =>
      logger.info(
        `Imported ${checked.result.rows} rows from ${
          request.fileName ?? 'a file'
        } as source ${request.source} for ${who}: ${r.created} created, ${
          r.updated
        } updated, ${r.unchanged} unchanged`,
      );
    if (!wantsStream(req)) {
      const result = await imports.write(checked);
      logDone(result);
      res.json(result);
      return;
    }

    // A bad file is refused (plain 400) before the stream starts.
    if (checked.result.errorCount > 0 || checked.result.rows === 0) {
      await imports.write(checked);
    }
    res.status(200);
    res.setHeader('Content-Type', 'application/x-ndjson; charset=utf-8');
    res.setHeader('Cache-Control', 'no-store');
    // Progress lines must not wait in a proxy's buffer (nginx).
    res.setHeader('X-Accel-Buffering', 'no');
    res.flushHeaders();
    let last = 0;
    try {
      const result = await imports.write(checked, (done, total) => {
        const now = Date.now();
        if (now - last < PROGRESS_EVERY_MS && done < total) return;
        last = now;
        writeLine(res, { progress: { phase: 'writing', done, total } });
      });
      logDone(result);
      writeLine(res, { result });
    } catch (error) {
      // The transaction rolled back: nothing of the file is stored.
      logger.warn(`Import of source ${request.source} failed: ${error}`);
      const { name, message } = serializeError(error as Error);
      writeLine(res, { error: { name, message } });
    }
    res.end();
  });

  router.get('/imports/mappings', async (req, res) => {
    await httpAuth.credentials(req);
    res.json({ items: await importMappings.list() });
  });

  router.put('/imports/mappings/:importSource', async (req, res) => {
    const credentials = await importer(req);
    res.json(
      await importMappings.save(
        req.params.importSource,
        req.body,
        principalRef(auth, credentials),
      ),
    );
  });
}
