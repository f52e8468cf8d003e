import { ResponseError } from '@backstage/errors';
import { UserTrustClient } from './UserTrustClient';

const base = 'http://localhost:7007/api/user-trust';

function setup(response: () => Response) {
  const fetch = jest.fn().mockImplementation(async () => response());
  const client = new UserTrustClient({
    discoveryApi: { getBaseUrl: jest.fn().mockResolvedValue(base) },
    fetchApi: { fetch },
  });
  return { client, fetch };
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });

describe('UserTrustClient sources', () => {
  it('lists the connectors', async () => {
    const list = {
      items: [
        {
          id: 'pagerduty',
          title: 'PagerDuty',
          state: 'waiting',
          receivesWebhooks: true,
          syncs: false,
          webhookPath: '/webhooks/pagerduty',
          webhooksAccepted: 0,
          webhooksRefused: 0,
          signals: { last24h: 0, last7d: 0 },
          errors: [],
          externalServices: [],
        },
      ],
    };
    const { client, fetch } = setup(() => json(list));
    await expect(client.listSources()).resolves.toEqual(list);
    expect(fetch).toHaveBeenCalledWith(`${base}/sources`);
  });

  it('starts a resync with a POST and takes the bodiless 202', async () => {
    const { client, fetch } = setup(() => new Response(null, { status: 202 }));
    await expect(client.resyncSource('status page/1')).resolves.toBeUndefined();
    expect(fetch).toHaveBeenCalledWith(
      `${base}/sources/status%20page%2F1/resync`,
      { method: 'POST' },
    );
  });

  it('maps an external service and answers how many signals it attributed', async () => {
    const { client, fetch } = setup(() => json({ attributed: 3 }));
    await expect(
      client.mapExternalService('pagerduty', {
        serviceId: 'PX1',
        serviceName: 'Checkout',
        entityRef: 'component:default/checkout-api',
      }),
    ).resolves.toEqual({ attributed: 3 });
    const [url, init] = fetch.mock.calls[0];
    expect(url).toBe(`${base}/sources/pagerduty/mappings`);
    expect(init.method).toBe('POST');
    expect(init.headers).toEqual({ 'Content-Type': 'application/json' });
    expect(JSON.parse(init.body)).toEqual({
      serviceId: 'PX1',
      serviceName: 'Checkout',
      entityRef: 'component:default/checkout-api',
    });
  });

  it('turns a refusal into a ResponseError with the backend message', async () => {
    const { client } = setup(() =>
      json(
        {
          error: { name: 'NotAllowedError', message: 'Not allowed' },
          response: { statusCode: 403 },
        },
        403,
      ),
    );
    const attempt = client.resyncSource('pagerduty');
    await expect(attempt).rejects.toBeInstanceOf(ResponseError);
    await expect(attempt).rejects.toMatchObject({
      statusCode: 403,
      body: { error: { message: 'Not allowed' } },
    });
  });
});
