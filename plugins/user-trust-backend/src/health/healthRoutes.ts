import { HttpAuthService } from '@backstage/backend-plugin-api';
import { ApiRouter, QueryParameters } from '@backstage/backend-openapi-utils';
import { InputError } from '@backstage/errors';
import {
  HEALTH_FILTER_PARAMS,
  SloStatus,
} from '@user-trust/plugin-user-trust-common';
import { healthCsv } from './healthCsv';
import { HealthService } from './HealthService';
import {
  compareRows,
  HealthQuery,
  matchesFilter,
  queryHealth,
} from './queryHealth';
import { rollupHealth } from './rollupHealth';
import { spec } from '../schema/openapi.generated';

export interface HealthRouteOptions {
  httpAuth: HttpAuthService;
  health: HealthService;
}

const FILTER_PARAMS: string[] = [...HEALTH_FILTER_PARAMS];
const LIST_PARAMS = [...FILTER_PARAMS, 'sort', 'order', 'limit', 'offset'];
const EXPORT_PARAMS = [...FILTER_PARAMS, 'sort', 'order'];
const ROLLUP_PARAMS = [...FILTER_PARAMS, 'by'];
const DEFAULT_LIMIT = 50;

/** The query of each health route, as the spec types it. */
type HealthRouteQuery =
  | QueryParameters<typeof spec, '/health', 'get'>
  | QueryParameters<typeof spec, '/health/export', 'get'>
  | QueryParameters<typeof spec, '/health/rollups', 'get'>;

type AuthenticatedRequest = Parameters<HttpAuthService['credentials']>[0];

/** A 400 for query parameters the endpoint does not know (e.g. typos). */
function rejectUnknown(query: Record<string, unknown>, known: string[]) {
  const unknown = Object.keys(query).filter(key => !known.includes(key));
  if (unknown.length > 0) {
    throw new InputError(
      `Unknown query parameter${unknown.length > 1 ? 's' : ''} ${unknown
        .map(k => `'${k}'`)
        .join(', ')}; known: ${known.join(', ')}`,
    );
  }
}

/** Repeated or single query values as a list of lower-cased strings. */
function list(value: unknown): string[] | undefined {
  if (value === undefined) return undefined;
  return ([] as unknown[])
    .concat(value)
    .map(v => String(v).trim().toLocaleLowerCase('en-US'))
    .filter(v => v !== '');
}

function flag(value: unknown): boolean | undefined {
  if (value === undefined) return undefined;
  return String(value) === 'true';
}

/**
 * Registers the catalog-wide health routes: a page of rows, the same rows
 * as CSV, and rollups per group, system or domain.
 */
export function registerHealthRoutes(
  router: ApiRouter<typeof spec>,
  { httpAuth, health }: HealthRouteOptions,
) {
  /**
   * The caller and the filter of a request, with `holder=me` expanded;
   * a 400 for parameters the endpoint does not take.
   */
  async function filterOf(
    req: AuthenticatedRequest & { query: HealthRouteQuery },
    known: string[],
  ) {
    const credentials = await httpAuth.credentials(req);
    const query: Record<string, unknown> = req.query;
    rejectUnknown(query, known);
    const holder = list(query.holder);
    const q = typeof query.q === 'string' ? query.q.trim() : '';
    return {
      credentials,
      filter: {
        kind: list(query.kind),
        type: list(query.type),
        owner: list(query.owner),
        system: list(query.system),
        domain: list(query.domain),
        lifecycle: list(query.lifecycle),
        status: list(query.status) as SloStatus[] | undefined,
        holder: holder && (await health.holderRefs(holder, credentials)),
        dissonance: flag(query.dissonance),
        blindSpot: flag(query.blindSpot),
        ...(q ? { q } : {}),
      },
    };
  }

  function order(query: HealthRouteQuery) {
    return {
      sort: ('sort' in query && query.sort) || 'burn',
      order: 'order' in query ? query.order : undefined,
    };
  }

  router.get('/health', async (req, res) => {
    const { credentials, filter } = await filterOf(req, LIST_PARAMS);
    const query: HealthQuery = {
      ...filter,
      ...order(req.query),
      // Checked integers (checkQueryParameters).
      limit: req.query.limit ?? DEFAULT_LIMIT,
      offset: req.query.offset ?? 0,
    };
    res.json(queryHealth(await health.visibleRows(credentials), query));
  });

  router.get('/health/export', async (req, res) => {
    const { credentials, filter } = await filterOf(req, EXPORT_PARAMS);
    const { sort, order: direction } = order(req.query);
    const rows = (await health.visibleRows(credentials))
      .filter(row => matchesFilter(row, filter))
      .sort(compareRows(sort, direction));
    res
      .type('text/csv')
      .attachment('user-trust-health.csv')
      .send(healthCsv(rows));
  });

  router.get('/health/rollups', async (req, res) => {
    const { credentials, filter } = await filterOf(req, ROLLUP_PARAMS);
    const by = req.query.by;
    const rows = (await health.visibleRows(credentials)).filter(row =>
      matchesFilter(row, filter),
    );
    res.json({ by, items: rollupHealth(rows, by) });
  });
}
