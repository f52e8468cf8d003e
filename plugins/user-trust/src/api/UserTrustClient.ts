import { CompoundEntityRef } from '@backstage/catalog-model';
import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
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
  SignalListResponse,
} from '@user-trust/plugin-user-trust-common';
import {
  FieldRoleAssignmentList,
  FieldRoleAuditList,
  FieldRoleCoverageOptions,
  FieldRoleTypesResponse,
  GetHealthOptions,
  HealthSortOptions,
  ListEntitySignalsOptions,
  ListFieldRoleAssignmentsOptions,
  ListFieldRoleAuditOptions,
  UserTrustApi,
} from './UserTrustApi';
import { healthFilterToParams } from './healthParams';

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
    return this.get<EntitySignalSummary>(
      `/entities/${entityPath(entity)}/summary`,
    );
  }

  async getEntityTrust(
    entity: CompoundEntityRef,
  ): Promise<EntityTrustEvaluation> {
    return this.get<EntityTrustEvaluation>(
      `/entities/${entityPath(entity)}/trust`,
    );
  }

  async getEntitySlos(entity: CompoundEntityRef): Promise<EntitySlosResponse> {
    return this.get<EntitySlosResponse>(`/entities/${entityPath(entity)}/slos`);
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
    const search = query.toString();
    return this.get<SignalListResponse>(
      `/entities/${entityPath(entity)}/signals${search ? `?${search}` : ''}`,
    );
  }

  async getFieldRoleTypes(): Promise<FieldRoleTypesResponse> {
    return this.get<FieldRoleTypesResponse>('/field-roles/types');
  }

  async getEntityFieldRoles(
    entity: CompoundEntityRef,
  ): Promise<EntityFieldRoles> {
    return this.get<EntityFieldRoles>(
      `/entities/${entityPath(entity)}/field-roles`,
    );
  }

  async setEntityFieldRole(
    entity: CompoundEntityRef,
    role: string,
    request: PutFieldRoleRequest,
  ): Promise<EntityFieldRoles> {
    return this.send<EntityFieldRoles>(
      'PUT',
      `/entities/${entityPath(entity)}/field-roles/${encodeURIComponent(role)}`,
      request,
    );
  }

  async removeEntityFieldRoleHolder(
    entity: CompoundEntityRef,
    role: string,
    holderRef: string,
  ): Promise<void> {
    await this.send<void>(
      'DELETE',
      `/entities/${entityPath(entity)}/field-roles/${encodeURIComponent(
        role,
      )}/${encodeURIComponent(holderRef)}`,
    );
  }

  async listFieldRoleAssignments(
    options: ListFieldRoleAssignmentsOptions = {},
  ): Promise<FieldRoleAssignmentList> {
    return this.get<FieldRoleAssignmentList>(
      `/field-roles/assignments${queryString(options)}`,
    );
  }

  async listFieldRoleAudit(
    options: ListFieldRoleAuditOptions = {},
  ): Promise<FieldRoleAuditList> {
    return this.get<FieldRoleAuditList>(
      `/field-roles/audit${queryString(options)}`,
    );
  }

  async importFieldRoles(
    rows: FieldRoleImportRow[],
    options: { dryRun: boolean },
  ): Promise<FieldRoleImportResult> {
    return this.send<FieldRoleImportResult>(
      'POST',
      `/field-roles/import${queryString({ dryRun: options.dryRun })}`,
      { rows },
    );
  }

  async getFieldRoleCoverage(
    options: FieldRoleCoverageOptions = {},
  ): Promise<FieldRoleCoverage> {
    return this.get<FieldRoleCoverage>(
      `/field-roles/coverage${queryString(options)}`,
    );
  }

  async getHealth(options: GetHealthOptions = {}): Promise<HealthListResponse> {
    const { sort, order, limit, offset, ...filter } = options;
    const params = healthFilterToParams(filter);
    setDefined(params, { sort, order, limit, offset });
    return this.get<HealthListResponse>(`/health${withQuery(params)}`);
  }

  async getHealthRollups(
    by: HealthRollupDimension,
    filter: HealthFilter = {},
  ): Promise<HealthRollupsResponse> {
    const params = healthFilterToParams(filter);
    params.set('by', by);
    return this.get<HealthRollupsResponse>(
      `/health/rollups${withQuery(params)}`,
    );
  }

  async exportHealthCsv(
    options: HealthFilter & HealthSortOptions = {},
  ): Promise<string> {
    const { sort, order, ...filter } = options;
    const params = healthFilterToParams(filter);
    setDefined(params, { sort, order });
    const response = await this.fetchOk(`/health/export${withQuery(params)}`);
    return response.text();
  }

  private async get<T>(path: string): Promise<T> {
    const response = await this.fetchOk(path);
    return (await response.json()) as T;
  }

  /** GETs a path of the backend; a failure becomes a `ResponseError`. */
  private async fetchOk(path: string): Promise<Response> {
    const baseUrl = await this.discoveryApi.getBaseUrl('user-trust');
    const response = await this.fetchApi.fetch(`${baseUrl}${path}`);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return response;
  }

  private async send<T>(
    method: 'POST' | 'PUT' | 'DELETE',
    path: string,
    body?: unknown,
  ): Promise<T> {
    const baseUrl = await this.discoveryApi.getBaseUrl('user-trust');
    const response = await this.fetchApi.fetch(`${baseUrl}${path}`, {
      method,
      ...(body === undefined
        ? {}
        : {
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify(body),
          }),
    });
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    if (response.status === 204) {
      return undefined as T;
    }
    return (await response.json()) as T;
  }
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

/** `?a=1&b=x`, or an empty string for an empty query. */
function withQuery(query: URLSearchParams): string {
  const text = query.toString();
  return text ? `?${text}` : '';
}

/** `?a=1&b=x` of the defined values, or an empty string. */
function queryString(
  params: Record<string, string | number | boolean | undefined>,
): string {
  const query = new URLSearchParams();
  setDefined(query, params);
  return withQuery(query);
}

function entityPath({ kind, namespace, name }: CompoundEntityRef): string {
  return [kind, namespace, name]
    .map(part => encodeURIComponent(part.toLocaleLowerCase('en-US')))
    .join('/');
}
