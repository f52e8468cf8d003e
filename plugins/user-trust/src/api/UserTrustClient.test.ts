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
});
