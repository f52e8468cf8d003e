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
  PutFieldRoleRequest,
  SignalListResponse,
} from '@user-trust/plugin-user-trust-common';
import {
  FieldRoleAssignmentList,
  FieldRoleAuditList,
  FieldRoleCoverageOptions,
  FieldRoleTypesResponse,
  ListEntitySignalsOptions,
  ListFieldRoleAssignmentsOptions,
  ListFieldRoleAuditOptions,
  UserTrustApi,
} from './UserTrustApi';

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

  private async get<T>(path: string): Promise<T> {
    const baseUrl = await this.discoveryApi.getBaseUrl('user-trust');
    const response = await this.fetchApi.fetch(`${baseUrl}${path}`);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
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

/** `?a=1&b=x` of the defined values, or an empty string. */
function queryString(
  params: Record<string, string | number | boolean | undefined>,
): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') {
      query.set(key, String(value));
    }
  }
  const search = query.toString();
  return search ? `?${search}` : '';
}

function entityPath({ kind, namespace, name }: CompoundEntityRef): string {
  return [kind, namespace, name]
    .map(part => encodeURIComponent(part.toLocaleLowerCase('en-US')))
    .join('/');
}
