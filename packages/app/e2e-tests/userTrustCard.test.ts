import { expect, test, APIRequestContext } from '@playwright/test';
import { signInAsGuest } from './signIn';

const backendUrl = process.env.BACKEND_URL ?? 'http://localhost:7007';
const entityPath = 'component/default/checkout-api';

type Summary = {
  lastSignalAt?: string;
  windows: Array<{
    days: number;
    total: number;
    byKind: Record<string, number>;
  }>;
};

async function guestToken(request: APIRequestContext): Promise<string> {
  const response = await request.get(`${backendUrl}/api/auth/guest/refresh`);
  expect(response.ok()).toBeTruthy();
  return (await response.json()).backstageIdentity.token;
}

async function fetchSummary(request: APIRequestContext): Promise<Summary> {
  const response = await request.get(
    `${backendUrl}/api/user-trust/entities/${entityPath}/summary`,
    { headers: { Authorization: `Bearer ${await guestToken(request)}` } },
  );
  expect(response.ok()).toBeTruthy();
  return response.json();
}

test('a service page shows the user-trust card with the seeded numbers', async ({
  page,
  request,
}) => {
  // The demo seeder fills the history a few seconds after the backend starts.
  await expect
    .poll(async () => (await fetchSummary(request)).lastSignalAt, {
      timeout: 90_000,
    })
    .toBeTruthy();
  const summary = await fetchSummary(request);
  const [week, month, quarter] = summary.windows;
  expect(quarter.total).toBeGreaterThan(0);

  await signInAsGuest(page);
  await page.goto('/catalog/default/component/checkout-api');

  const card = page
    .locator('article, .MuiCard-root')
    .filter({ has: page.getByText('User-perceived signals') })
    .first();
  await expect(card).toBeVisible();

  const totals = card.getByTestId('signal-row-total').locator('td');
  await expect(totals).toHaveText([
    String(week.total),
    String(month.total),
    String(quarter.total),
  ]);

  const cases = card.getByTestId('signal-row-support_case').locator('td');
  await expect(cases).toHaveText([
    String(week.byKind.support_case ?? 0),
    String(month.byKind.support_case ?? 0),
    String(quarter.byKind.support_case ?? 0),
  ]);
  await expect(card.getByText(/^Last signal/)).toBeVisible();

  await card.scrollIntoViewIfNeeded();
  await page.screenshot({
    path:
      process.env.README_SCREENSHOT ??
      test.info().outputPath('entity-page.png'),
  });
});
