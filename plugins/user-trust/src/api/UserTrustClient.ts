import { CompoundEntityRef } from '@backstage/catalog-model';
import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  EntityAlertsResponse,
  EntityFieldRoles,
  EntitySignalSummary,
  EntitySlosResponse,
  EntityTrustEvaluation,
  FieldRoleCoverage,
  FieldRoleImportResult,
  FieldRoleImportRow,
  HealthFilter,
  HealthListResponse,
  HealthRollupDimension,
  HealthRollupsResponse,
  PutFieldRoleRequest,
  SavedSignalImportMapping,
  SignalImportMapping,
  SignalImportProgress,
  SignalImportRequest,
  SignalImportResult,
  SignalImportStreamLine,
  SignalListResponse,
  UserTrustApiMethod,
  UserTrustApiPath,
  UserTrustApiResponse,
} from '@user-trust/plugin-user-trust-common';
import {
  ExternalServiceMapping,
  FieldRoleAssignmentList,
  FieldRoleAuditList,
  FieldRoleCoverageOptions,
  FieldRoleTypesResponse,
  GetHealthOptions,
  HealthSortOptions,
  ImportSignalsOptions,
  ListEntitySignalsOptions,
  ListFieldRoleAssignmentsOptions,
  ListFieldRoleAuditOptions,
  SignalImportMappingList,
  SourceList,
  UserTrustApi,
} from './UserTrustApi';
import { healthFilterToParams } from './healthParams';

/** The media type of a streamed import answer: one JSON value a line. */
const NDJSON = 'application/x-ndjson';

/**
 * Talks to the User Trust backend through Backstage's fetch API, which adds
 * the signed-in user's credentials.
 *
 * @public
 */
export class UserTrustClient implements UserTrustApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  async getEntitySummary(
    entity: CompoundEntityRef,
  ): Promise<EntitySignalSummary> {
    return this.get('/entities/{kind}/{namespace}/{name}/summary', {
      path: entityParams(entity),
    });
  }

  async getEntityTrust(
    entity: CompoundEntityRef,
  ): Promise<EntityTrustEvaluation> {
    return this.get('/entities/{kind}/{namespace}/{name}/trust', {
      path: entityParams(entity),
    });
  }

  async getEntitySlos(entity: CompoundEntityRef): Promise<EntitySlosResponse> {
    return this.get('/entities/{kind}/{namespace}/{name}/slos', {
      path: entityParams(entity),
    });
  }

  async getEntityAlerts(
    entity: CompoundEntityRef,
    options: { limit?: number } = {},
  ): Promise<EntityAlertsResponse> {
    const query = new URLSearchParams();
    if (options.limit !== undefined) query.set('limit', String(options.limit));
    return this.get('/entities/{kind}/{namespace}/{name}/alerts', {
      path: entityParams(entity),
      query,
    });
  }

  async listEntitySignals(
    entity: CompoundEntityRef,
    options: ListEntitySignalsOptions = {},
  ): Promise<SignalListResponse> {
    const query = new URLSearchParams();
    for (const kind of options.kinds ?? []) {
      query.append('kind', kind);
    }
    if (options.from !== undefined) query.set('from', options.from);
    if (options.to !== undefined) query.set('to', options.to);
    if (options.limit !== undefined) query.set('limit', String(options.limit));
    if (options.offset !== undefined) {
      query.set('offset', String(options.offset));
    }
    return this.get('/entities/{kind}/{namespace}/{name}/signals', {
      path: entityParams(entity),
      query,
    });
  }

  async getFieldRoleTypes(): Promise<FieldRoleTypesResponse> {
    return this.get('/field-roles/types');
  }

  async getEntityFieldRoles(
    entity: CompoundEntityRef,
  ): Promise<EntityFieldRoles> {
    return this.get('/entities/{kind}/{namespace}/{name}/field-roles', {
      path: entityParams(entity),
    });
  }

  async setEntityFieldRole(
    entity: CompoundEntityRef,
    role: string,
    request: PutFieldRoleRequest,
  ): Promise<EntityFieldRoles> {
    return this.send(
      'put',
      '/entities/{kind}/{namespace}/{name}/field-roles/{role}',
      { path: { ...entityParams(entity), role } },
      { json: request },
    );
  }

  async removeEntityFieldRoleHolder(
    entity: CompoundEntityRef,
    role: string,
    holderRef: string,
  ): Promise<void> {
    await this.send(
      'delete',
      '/entities/{kind}/{namespace}/{name}/field-roles/{role}/{holderRef}',
      { path: { ...entityParams(entity), role, holderRef } },
    );
  }

  async listFieldRoleAssignments(
    options: ListFieldRoleAssignmentsOptions = {},
  ): Promise<FieldRoleAssignmentList> {
    return this.get('/field-roles/assignments', {
      query: definedParams(options),
    });
  }

  async listFieldRoleAudit(
    options: ListFieldRoleAuditOptions = {},
  ): Promise<FieldRoleAuditList> {
    return this.get('/field-roles/audit', { query: definedParams(options) });
  }

  async importFieldRoles(
    rows: FieldRoleImportRow[] | string,
    options: { dryRun: boolean },
  ): Promise<FieldRoleImportResult> {
    return this.send(
      'post',
      '/field-roles/import',
      { query: definedParams({ dryRun: options.dryRun }) },
      typeof rows === 'string' ? { csv: rows } : { json: { rows } },
    );
  }

  async getFieldRoleCoverage(
    options: FieldRoleCoverageOptions = {},
  ): Promise<FieldRoleCoverage> {
    return this.get('/field-roles/coverage', {
      query: definedParams(options),
    });
  }

  async getHealth(options: GetHealthOptions = {}): Promise<HealthListResponse> {
    const { sort, order, limit, offset, ...filter } = options;
    const params = healthFilterToParams(filter);
    setDefined(params, { sort, order, limit, offset });
    return this.get('/health', { query: params });
  }

  async getHealthRollups(
    by: HealthRollupDimension,
    filter: HealthFilter = {},
  ): Promise<HealthRollupsResponse> {
    const params = healthFilterToParams(filter);
    params.set('by', by);
    return this.get('/health/rollups', { query: params });
  }

  async exportHealthCsv(
    options: HealthFilter & HealthSortOptions = {},
  ): Promise<string> {
    const { sort, order, ...filter } = options;
    const params = healthFilterToParams(filter);
    setDefined(params, { sort, order });
    const response = await this.fetchOk('get', '/health/export', {
      query: params,
    });
    return response.text();
  }

  async listSources(): Promise<SourceList> {
    return this.get('/sources');
  }

  async resyncSource(sourceId: string): Promise<void> {
    await this.send('post', '/sources/{source}/resync', {
      path: { source: sourceId },
    });
  }

  async mapExternalService(
    sourceId: string,
    mapping: ExternalServiceMapping,
  ): Promise<{ attributed: number }> {
    return this.send(
      'post',
      '/sources/{source}/mappings',
      { path: { source: sourceId } },
      { json: mapping },
    );
  }

  async importSignals(
    request: SignalImportRequest,
    options: ImportSignalsOptions,
  ): Promise<SignalImportResult> {
    const { dryRun, onProgress } = options;
    const response = await this.fetchOk(
      'post',
      '/imports/signals' satisfies UserTrustApiPath<'post'>,
      { query: definedParams({ dryRun }) },
      { json: request },
      onProgress ? { Accept: `${NDJSON}, application/json` } : undefined,
    );
    const type = response.headers.get('Content-Type') ?? '';
    if (!type.includes(NDJSON)) {
      // A dry run, or a backend that answers in one piece.
      const result: UserTrustApiResponse<'/imports/signals', 'post'> =
        await response.json();
      return result;
    }
    return readImportStream(response, onProgress ?? (() => {}));
  }

  async listImportMappings(): Promise<SignalImportMappingList> {
    return this.get('/imports/mappings');
  }

  async saveImportMapping(
    source: string,
    mapping: SignalImportMapping,
  ): Promise<SavedSignalImportMapping> {
    return this.send(
      'put',
      '/imports/mappings/{importSource}',
      { path: { importSource: source } },
      { json: mapping },
    );
  }

  /** GETs a path of the spec; the answer is typed by the spec. */
  private async get<P extends UserTrustApiPath<'get'>>(
    template: P,
    target: RequestTarget = {},
  ): Promise<UserTrustApiResponse<P, 'get'>> {
    const response = await this.fetchOk('get', template, target);
    return response.json();
  }

  /** Sends a change to a path of the spec; the answer is typed by the spec. */
  private async send<
    M extends 'post' | 'put' | 'delete',
    P extends UserTrustApiPath<M>,
  >(
    method: M,
    template: P,
    target: RequestTarget,
    content?: RequestContent,
  ): Promise<UserTrustApiResponse<P, M>> {
    const response = await this.fetchOk(method, template, target, content);
    // A 202 or 204 has no body; the spec types its answer as void.
    if (response.status === 202 || response.status === 204) {
      return undefined as UserTrustApiResponse<P, M>;
    }
    return response.json();
  }

  /** Calls the backend; a failure becomes a `ResponseError`. */
  private async fetchOk(
    method: UserTrustApiMethod,
    template: string,
    { path = {}, query }: RequestTarget,
    content?: RequestContent,
    headers?: Record<string, string>,
  ): Promise<Response> {
    const baseUrl = await this.discoveryApi.getBaseUrl('user-trust');
    const url = `${baseUrl}${fillPath(template, path)}${withQuery(query)}`;
    let init: RequestInit | undefined;
    if (method !== 'get') {
      const body = requestBody(content);
      init = {
        method: method.toLocaleUpperCase('en-US'),
        ...body,
        ...(headers && {
          headers: { ...(body.headers as Record<string, string>), ...headers },
        }),
      };
    }
    const response = await (init
      ? this.fetchApi.fetch(url, init)
      : this.fetchApi.fetch(url));
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return response;
  }
}

/**
 * The result of a streamed import: progress lines go to `onProgress` as
 * they arrive (a line may be split across chunks), then one line holds the
 * result, or the error that rolled the import back.
 */
async function readImportStream(
  response: Response,
  onProgress: (progress: SignalImportProgress) => void,
): Promise<SignalImportResult> {
  let result: SignalImportResult | undefined;
  const readLine = (line: string) => {
    if (!line.trim()) return;
    const parsed: SignalImportStreamLine = JSON.parse(line);
    if (parsed.error) {
      const error = new Error(parsed.error.message);
      error.name = parsed.error.name;
      throw error;
    }
    if (parsed.progress) onProgress(parsed.progress);
    if (parsed.result) result = parsed.result;
  };

  const reader = response.body?.getReader?.();
  if (!reader) {
    // Without a readable body (old browsers, test doubles): all at once.
    (await response.text()).split('\n').forEach(readLine);
  } else {
    const decoder = new TextDecoder('utf-8');
    let pending = '';
    try {
      for (;;) {
        const { done, value } = await reader.read();
        pending += done
          ? decoder.decode()
          : decoder.decode(value, { stream: true });
        const lines = pending.split('\n');
        pending = done ? '' : lines.pop() ?? '';
        lines.forEach(readLine);
        if (done) break;
      }
    } finally {
      reader.releaseLock();
    }
  }
  if (!result) {
    throw new Error(
      'The import stream ended without a result; the import may not have completed',
    );
  }
  return result;
}

/** Values for a path template's `{placeholders}`, and the query string. */
type RequestTarget = {
  path?: Record<string, string>;
  query?: URLSearchParams;
};

/** The template with each `{name}` replaced by its encoded value. */
function fillPath(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) {
      throw new Error(`No value for {${name}} of ${template}`);
    }
    return encodeURIComponent(value);
  });
}

/** What a request sends: a value as JSON, or the text of a CSV. */
type RequestContent = { json: unknown } | { csv: string };

function requestBody(content: RequestContent | undefined): RequestInit {
  if (content === undefined) return {};
  if ('csv' in content) {
    return { headers: { 'Content-Type': 'text/csv' }, body: content.csv };
  }
  return {
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(content.json),
  };
}

/** Sets the defined, non-empty values on the query. */
function setDefined(
  query: URLSearchParams,
  params: Record<string, string | number | boolean | undefined>,
) {
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') {
      query.set(key, String(value));
    }
  }
}

/** `?a=1&b=x`, or an empty string for an empty or no query. */
function withQuery(query: URLSearchParams | undefined): string {
  const text = query?.toString() ?? '';
  return text ? `?${text}` : '';
}

/** A query of the defined values. */
function definedParams(
  params: Record<string, string | number | boolean | undefined>,
): URLSearchParams {
  const query = new URLSearchParams();
  setDefined(query, params);
  return query;
}

/** The path parameters of an entity's routes, lower-cased as stored. */
function entityParams({ kind, namespace, name }: CompoundEntityRef) {
  return {
    kind: kind.toLocaleLowerCase('en-US'),
    namespace: namespace.toLocaleLowerCase('en-US'),
    name: name.toLocaleLowerCase('en-US'),
  };
}
