import { createHmac, randomBytes } from 'node:crypto';
import { APIRequestContext, expect, test } from '@playwright/test';
import { signInAsGuest } from './signIn';

const backendUrl = process.env.BACKEND_URL ?? 'http://localhost:7007';
// The example portal's development secret (app-config.yaml), as
// scripts/send-sample-pagerduty-webhook.mjs signs with it.
const secret =
  process.env.PAGERDUTY_WEBHOOK_SECRET ?? 'dev-only-pagerduty-webhook-secret';
// checkout-api's pagerduty.com/service-id in the example catalog.
const CHECKOUT_SERVICE = 'PCHECKOUT';

type Source = {
  id: string;
  webhooksAccepted: number;
  lastWebhookAt?: string;
};

async function pagerDutySource(request: APIRequestContext): Promise<Source> {
  const token = (
    await (await request.get(`${backendUrl}/api/auth/guest/refresh`)).json()
  ).backstageIdentity.token;
  const response = await request.get(`${backendUrl}/api/user-trust/sources`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  expect(response.ok()).toBeTruthy();
  const { items } = (await response.json()) as { items: Source[] };
  const source = items.find(item => item.id === 'pagerduty');
  expect(
    source,
    'the example backend runs the PagerDuty connector',
  ).toBeTruthy();
  return source!;
}

/** An `incident.triggered` webhook (v3) and its `X-PagerDuty-Signature`. */
function signedIncidentTriggered(incidentId: string) {
  const web = 'https://brightcart.pagerduty.com';
  const ref = (
    type: string,
    collection: string,
    id: string,
    summary: string,
  ) => ({
    id,
    type,
    summary,
    self: `https://api.pagerduty.com/${collection}/${id}`,
    html_url: `${web}/${collection}/${id}`,
  });
  const createdAt = new Date(Date.now() - 60_000).toISOString();
  const body = JSON.stringify({
    event: {
      id: `${incidentId}-incident.triggered`,
      event_type: 'incident.triggered',
      resource_type: 'incident',
      occurred_at: createdAt,
      agent: ref('user_reference', 'users', 'PE2EUSER', 'On-call engineer'),
      client: { name: 'PagerDuty' },
      data: {
        id: incidentId,
        type: 'incident',
        self: `https://api.pagerduty.com/incidents/${incidentId}`,
        html_url: `${web}/incidents/${incidentId}`,
        number: 4242,
        status: 'triggered',
        incident_key: `e2e-${incidentId}`,
        created_at: createdAt,
        title: 'E2E: checkout answers 503',
        service: ref(
          'service_reference',
          'services',
          CHECKOUT_SERVICE,
          'Checkout API',
        ),
        assignees: [],
        escalation_policy: ref(
          'escalation_policy_reference',
          'escalation_policies',
          'PE2EPOL',
          'Checkout on-call',
        ),
        teams: [],
        priority: ref('priority_reference', 'priorities', 'PE2EP1', 'P1'),
        urgency: 'high',
        conference_bridge: null,
        resolve_reason: null,
      },
    },
  });
  const signature = createHmac('sha256', secret).update(body).digest('hex');
  return { body, signature: `v1=${signature}` };
}

test('a signed PagerDuty webhook for checkout-api shows on its User trust tab and on the Sources page', async ({
  page,
  request,
}) => {
  const before = await pagerDutySource(request);
  const incidentId = `PE2E${randomBytes(4).toString('hex').toUpperCase()}`;
  const { body, signature } = signedIncidentTriggered(incidentId);

  const delivery = await request.post(
    `${backendUrl}/api/user-trust/webhooks/pagerduty`,
    {
      headers: {
        'Content-Type': 'application/json',
        'User-Agent': 'PagerDuty-Webhook/V3.0',
        'X-PagerDuty-Signature': signature,
        'X-Webhook-Id': randomBytes(8).toString('hex'),
      },
      data: body,
    },
  );
  expect(delivery.status()).toBe(202);
  expect(await delivery.json()).toMatchObject({ outcome: 'ingested' });

  const after = await pagerDutySource(request);
  expect(after.webhooksAccepted).toBeGreaterThan(before.webhooksAccepted);

  // checkout-api's User trust tab lists the incident among its signals,
  // newest first.
  await signInAsGuest(page);
  await page.goto('/catalog/default/component/checkout-api/user-trust');
  await expect(page.getByText(`pagerduty / ${incidentId}`)).toBeVisible({
    timeout: 60_000,
  });

  // The Sources tab shows the connector with the delivery counted.
  await page.goto('/user-trust/sources');
  await expect(page.getByRole('tab', { name: 'Sources' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  const card = page.getByRole('region', { name: 'PagerDuty' });
  await expect(card).toBeVisible();
  const figure = (label: string) =>
    card
      .locator('dt', { hasText: label })
      .locator('xpath=following-sibling::dd[1]');
  await expect(figure('Webhooks accepted / refused')).toHaveText(
    new RegExp(`^${after.webhooksAccepted.toLocaleString('en-US')} / \\d+`),
  );
  await expect(figure('Last webhook')).toHaveText(/just now|minute/);

  if (process.env.README_SOURCES_SCREENSHOT) {
    await page.screenshot({ path: process.env.README_SOURCES_SCREENSHOT });
  }
});
