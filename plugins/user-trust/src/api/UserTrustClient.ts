import { CompoundEntityRef } from '@backstage/catalog-model';
import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  EntitySignalSummary,
  EntitySlosResponse,
  EntityTrustEvaluation,
  SignalListResponse,
} from '@user-trust/plugin-user-trust-common';
import { ListEntitySignalsOptions, UserTrustApi } from './UserTrustApi';

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

  private async get<T>(path: string): Promise<T> {
    const baseUrl = await this.discoveryApi.getBaseUrl('user-trust');
    const response = await this.fetchApi.fetch(`${baseUrl}${path}`);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}

function entityPath({ kind, namespace, name }: CompoundEntityRef): string {
  return [kind, namespace, name]
    .map(part => encodeURIComponent(part.toLocaleLowerCase('en-US')))
    .join('/');
}
