import { AuthService, DiscoveryService } from '@backstage/backend-plugin-api';
import type {
  EntityHealth,
  UserTrustApiResponse,
} from '@user-trust/plugin-user-trust-common';

/** Rows per request; the most `GET /health` allows. */
const PAGE_SIZE = 500;
const REQUEST_TIMEOUT_MS = 30_000;

/**
 * Every health row of the user-trust backend (`GET /api/user-trust/health`,
 * a page at a time), read as this plugin's service principal, which may see
 * every entity. One row per entity of the kinds the user-trust backend
 * evaluates (`userTrust.health.kinds`, default Component and API).
 */
export async function readHealthRows(options: {
  discovery: DiscoveryService;
  auth: AuthService;
  fetch?: typeof fetch;
}): Promise<EntityHealth[]> {
  const { discovery, auth } = options;
  const doFetch = options.fetch ?? ((...args) => fetch(...args));
  const baseUrl = await discovery.getBaseUrl('user-trust');
  const { token } = await auth.getPluginRequestToken({
    onBehalfOf: await auth.getOwnServiceCredentials(),
    targetPluginId: 'user-trust',
  });
  const rows: EntityHealth[] = [];
  for (let offset = 0; ; ) {
    const query = new URLSearchParams({
      sort: 'name',
      limit: String(PAGE_SIZE),
      offset: String(offset),
    });
    const response = await doFetch(`${baseUrl}/health?${query}`, {
      headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' },
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    if (!response.ok) {
      throw new Error(
        `GET /health answered ${response.status} ${response.statusText}`.trim(),
      );
    }
    const page = (await response.json()) as UserTrustApiResponse<
      '/health',
      'get'
    >;
    if (!Array.isArray(page?.items) || typeof page.totalCount !== 'number') {
      throw new Error('GET /health answered without "items" and "totalCount"');
    }
    rows.push(...page.items);
    offset += page.items.length;
    if (page.items.length === 0 || offset >= page.totalCount) return rows;
  }
}
