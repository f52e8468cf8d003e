import { UserTrustClient } from './UserTrustClient';

function setup(body: unknown = {}, status = 200) {
  const fetch = jest.fn().mockImplementation(
    async () =>
      new Response(JSON.stringify(body), {
        status,
        headers: { 'Content-Type': 'application/json' },
      }),
  );
  const client = new UserTrustClient({
    discoveryApi: {
      getBaseUrl: jest
        .fn()
        .mockResolvedValue('http://localhost:7007/api/user-trust'),
    },
    fetchApi: { fetch },
  });
  return { client, fetch };
}

const odd = { kind: 'Component', namespace: 'team a', name: 'checkout/api?x' };
const base = 'http://localhost:7007/api/user-trust/entities';

describe('UserTrustClient', () => {
  it('gets the trust evaluation, URL-encoding every part of the ref', async () => {
    const { client, fetch } = setup({ score: 80 });
    await expect(client.getEntityTrust(odd)).resolves.toEqual({ score: 80 });
    expect(fetch).toHaveBeenCalledWith(
      `${base}/component/team%20a/checkout%2Fapi%3Fx/trust`,
    );
  });

  it('gets the effective SLOs', async () => {
    const { client, fetch } = setup({ slos: [] });
    await client.getEntitySlos({
      kind: 'Component',
      namespace: 'default',
      name: 'cart',
    });
    expect(fetch).toHaveBeenCalledWith(`${base}/component/default/cart/slos`);
  });

  it('lists signals with repeated kinds, time range and paging', async () => {
    const { client, fetch } = setup({ items: [], totalCount: 0 });
    await client.listEntitySignals(odd, {
      kinds: ['support_case', 'incident'],
      from: '2026-11-01T00:00:00Z',
      to: '2026-11-28T00:00:00+01:00',
      limit: 20,
      offset: 40,
    });
    const url = new URL(fetch.mock.calls[0][0]);
    expect(url.pathname).toBe(
      '/api/user-trust/entities/component/team%20a/checkout%2Fapi%3Fx/signals',
    );
    expect(url.searchParams.getAll('kind')).toEqual([
      'support_case',
      'incident',
    ]);
    expect(url.searchParams.get('from')).toBe('2026-11-01T00:00:00Z');
    expect(url.searchParams.get('to')).toBe('2026-11-28T00:00:00+01:00');
    expect(url.search).toContain('to=2026-11-28T00%3A00%3A00%2B01%3A00');
    expect(url.searchParams.get('limit')).toBe('20');
    expect(url.searchParams.get('offset')).toBe('40');
  });

  it('lists signals without a query string when no option is given', async () => {
    const { client, fetch } = setup({ items: [], totalCount: 0 });
    await client.listEntitySignals({
      kind: 'Component',
      namespace: 'default',
      name: 'cart',
    });
    expect(fetch).toHaveBeenCalledWith(
      `${base}/component/default/cart/signals`,
    );
  });

  it('throws a ResponseError with the backend message', async () => {
    const { client } = setup(
      {
        error: { name: 'NotFoundError', message: 'No such entity' },
        response: { statusCode: 404 },
      },
      404,
    );
    await expect(
      client.getEntityTrust({
        kind: 'Component',
        namespace: 'default',
        name: 'gone',
      }),
    ).rejects.toMatchObject({
      name: 'ResponseError',
      statusCode: 404,
      body: { error: { message: 'No such entity' } },
    });
  });
  describe('field roles', () => {
    const root = 'http://localhost:7007/api/user-trust';

    it('gets the role types', async () => {
      const { client, fetch } = setup({ roles: [] });
      await expect(client.getFieldRoleTypes()).resolves.toEqual({ roles: [] });
      expect(fetch).toHaveBeenCalledWith(`${root}/field-roles/types`);
    });

    it("gets an entity's field roles, URL-encoding every part", async () => {
      const { client, fetch } = setup({ assignments: [] });
      await client.getEntityFieldRoles(odd);
      expect(fetch).toHaveBeenCalledWith(
        `${base}/component/team%20a/checkout%2Fapi%3Fx/field-roles`,
      );
    });

    it('replaces the holders of a role with PUT and a JSON body', async () => {
      const { client, fetch } = setup({ entityRef: 'x', assignments: [] });
      const body = {
        holders: [
          { ref: 'user:default/rachel.kim', accounts: ['Acme'], note: 'EU' },
        ],
      };
      await expect(
        client.setEntityFieldRole(odd, 'tam/x', body),
      ).resolves.toEqual({ entityRef: 'x', assignments: [] });
      const [url, init] = fetch.mock.calls[0];
      expect(url).toBe(
        `${base}/component/team%20a/checkout%2Fapi%3Fx/field-roles/tam%2Fx`,
      );
      expect(init.method).toBe('PUT');
      expect(init.headers).toEqual({ 'Content-Type': 'application/json' });
      expect(JSON.parse(init.body)).toEqual(body);
    });

    it('removes a holder with DELETE and an encoded holder ref, accepting 204', async () => {
      const fetch = jest
        .fn()
        .mockResolvedValue(new Response(null, { status: 204 }));
      const client = new UserTrustClient({
        discoveryApi: { getBaseUrl: jest.fn().mockResolvedValue(root) },
        fetchApi: { fetch },
      });
      await expect(
        client.removeEntityFieldRoleHolder(
          { kind: 'Component', namespace: 'default', name: 'cart' },
          'tam',
          'user:default/rachel.kim',
        ),
      ).resolves.toBeUndefined();
      expect(fetch).toHaveBeenCalledWith(
        `${base}/component/default/cart/field-roles/tam/user%3Adefault%2Frachel.kim`,
        { method: 'DELETE' },
      );
    });

    it('lists assignments with filters and paging', async () => {
      const { client, fetch } = setup({ items: [], totalCount: 0 });
      await client.listFieldRoleAssignments({
        entityRef: 'component:default/cart',
        role: 'tam',
        holderRef: 'user:default/rachel.kim',
        limit: 25,
        offset: 50,
      });
      const url = new URL(fetch.mock.calls[0][0]);
      expect(url.pathname).toBe('/api/user-trust/field-roles/assignments');
      expect(Object.fromEntries(url.searchParams)).toEqual({
        entityRef: 'component:default/cart',
        role: 'tam',
        holderRef: 'user:default/rachel.kim',
        limit: '25',
        offset: '50',
      });

      await client.listFieldRoleAssignments();
      expect(fetch.mock.calls[1][0]).toBe(`${root}/field-roles/assignments`);
    });

    it('lists the audit log of an entity', async () => {
      const { client, fetch } = setup({ items: [], totalCount: 0 });
      await client.listFieldRoleAudit({
        entityRef: 'component:default/cart',
        limit: 20,
        offset: 0,
      });
      expect(fetch).toHaveBeenCalledWith(
        `${root}/field-roles/audit?entityRef=component%3Adefault%2Fcart&limit=20&offset=0`,
      );
    });

    it('imports rows as a dry run or for real', async () => {
      const result = { dryRun: true, applied: false, changes: [], errors: [] };
      const { client, fetch } = setup(result);
      const rows = [
        {
          entityRef: 'component:default/cart',
          role: 'tam',
          holderRef: 'user:default/rachel.kim',
        },
      ];
      await expect(
        client.importFieldRoles(rows, { dryRun: true }),
      ).resolves.toEqual(result);
      await client.importFieldRoles(rows, { dryRun: false });
      expect(fetch.mock.calls[0][0]).toBe(
        `${root}/field-roles/import?dryRun=true`,
      );
      expect(fetch.mock.calls[1][0]).toBe(
        `${root}/field-roles/import?dryRun=false`,
      );
      expect(fetch.mock.calls[1][1].method).toBe('POST');
      expect(fetch.mock.calls[1][1].headers).toEqual({
        'Content-Type': 'application/json',
      });
      expect(JSON.parse(fetch.mock.calls[1][1].body)).toEqual({ rows });
    });

    it('sends CSV text as text/csv for the backend to parse', async () => {
      const result = { dryRun: true, applied: false, changes: [], errors: [] };
      const { client, fetch } = setup(result);
      const csv =
        'entityRef,role,holderRef\ncomponent:default/cart,tam,rachel\n';
      await expect(
        client.importFieldRoles(csv, { dryRun: true }),
      ).resolves.toEqual(result);
      expect(fetch).toHaveBeenCalledWith(
        `${root}/field-roles/import?dryRun=true`,
        {
          method: 'POST',
          headers: { 'Content-Type': 'text/csv' },
          body: csv,
        },
      );
    });

    it('gets the coverage, optionally for a role and a holder', async () => {
      const { client, fetch } = setup({ blindSpots: [], holders: [] });
      await client.getFieldRoleCoverage();
      await client.getFieldRoleCoverage({
        role: 'tam',
        holderRef: 'group:default/csm',
      });
      expect(fetch.mock.calls[0][0]).toBe(`${root}/field-roles/coverage`);
      expect(fetch.mock.calls[1][0]).toBe(
        `${root}/field-roles/coverage?role=tam&holderRef=group%3Adefault%2Fcsm`,
      );
    });

    it('throws the backend error of a rejected change', async () => {
      const { client } = setup(
        {
          error: {
            name: 'InputError',
            message: 'holders[0].ref: no such entity user:default/nobody',
          },
          response: { statusCode: 400 },
        },
        400,
      );
      await expect(
        client.setEntityFieldRole(odd, 'tam', {
          holders: [{ ref: 'user:default/nobody' }],
        }),
      ).rejects.toMatchObject({
        name: 'ResponseError',
        statusCode: 400,
        body: {
          error: { message: expect.stringContaining('user:default/nobody') },
        },
      });
    });
  });

  describe('health', () => {
    const root = 'http://localhost:7007/api/user-trust';

    it('gets the health list with repeated filters, flags, sort and paging', async () => {
      const { client, fetch } = setup({ items: [], totalCount: 0 });
      await expect(
        client.getHealth({
          owner: ['group:default/payments', 'group:default/search'],
          status: ['breached', 'at-risk'],
          holder: ['me'],
          kind: [],
          dissonance: true,
          blindSpot: false,
          q: '  checkout api ',
          sort: 'burn',
          order: 'desc',
          limit: 25,
          offset: 50,
        }),
      ).resolves.toEqual({ items: [], totalCount: 0 });
      const url = new URL(fetch.mock.calls[0][0]);
      expect(url.pathname).toBe('/api/user-trust/health');
      expect(url.searchParams.getAll('owner')).toEqual([
        'group:default/payments',
        'group:default/search',
      ]);
      expect(url.searchParams.getAll('status')).toEqual([
        'breached',
        'at-risk',
      ]);
      expect(url.searchParams.get('holder')).toBe('me');
      expect(url.searchParams.has('kind')).toBe(false);
      expect(url.searchParams.get('dissonance')).toBe('true');
      expect(url.searchParams.has('blindSpot')).toBe(false);
      expect(url.searchParams.get('q')).toBe('checkout api');
      expect(url.searchParams.get('sort')).toBe('burn');
      expect(url.searchParams.get('order')).toBe('desc');
      expect(url.searchParams.get('limit')).toBe('25');
      expect(url.searchParams.get('offset')).toBe('50');
    });

    it('gets the health list without a query string when nothing is set', async () => {
      const { client, fetch } = setup({ items: [], totalCount: 0 });
      await client.getHealth();
      await client.getHealth({ q: ' ', owner: [] });
      expect(fetch.mock.calls[0][0]).toBe(`${root}/health`);
      expect(fetch.mock.calls[1][0]).toBe(`${root}/health`);
    });

    it('gets rollups by a dimension with the same filters', async () => {
      const { client, fetch } = setup({ by: 'system', items: [] });
      await expect(
        client.getHealthRollups('system', {
          domain: ['domain:default/commerce'],
          blindSpot: true,
        }),
      ).resolves.toEqual({ by: 'system', items: [] });
      expect(fetch).toHaveBeenCalledWith(
        `${root}/health/rollups?domain=domain%3Adefault%2Fcommerce&blindSpot=true&by=system`,
      );
    });

    it('exports the filtered, sorted rows as CSV text', async () => {
      const csv = 'entityRef,title\ncomponent:default/cart,Cart\n';
      const fetch = jest.fn().mockResolvedValue(
        new Response(csv, {
          status: 200,
          headers: { 'Content-Type': 'text/csv' },
        }),
      );
      const client = new UserTrustClient({
        discoveryApi: { getBaseUrl: jest.fn().mockResolvedValue(root) },
        fetchApi: { fetch },
      });
      await expect(
        client.exportHealthCsv({
          lifecycle: ['production'],
          sort: 'score',
          order: 'asc',
        }),
      ).resolves.toBe(csv);
      expect(fetch).toHaveBeenCalledWith(
        `${root}/health/export?lifecycle=production&sort=score&order=asc`,
      );
    });

    it('throws a ResponseError when the export fails', async () => {
      const { client } = setup(
        {
          error: { name: 'InputError', message: 'Unknown parameter foo' },
          response: { statusCode: 400 },
        },
        400,
      );
      await expect(client.exportHealthCsv()).rejects.toMatchObject({
        name: 'ResponseError',
        statusCode: 400,
      });
    });
  });
});
