import { expect, test } from '@playwright/test';
import { signInAsGuest } from './signIn';

const backendUrl = process.env.BACKEND_URL ?? 'http://localhost:7007';
const TEAM = 'group:default/checkout-team';

type HealthRow = {
  name: string;
  title?: string;
  owner?: string;
  fastestBurn: { rate: number } | null;
};

test('an SRE filters the health page by a team, sorts by burn and opens a service', async ({
  page,
  request,
}) => {
  const token = (
    await (await request.get(`${backendUrl}/api/auth/guest/refresh`)).json()
  ).backstageIdentity.token;
  // The team's services, burning fastest first, as the API ranks them once
  // the health refresh has run (seconds after the portal starts).
  let expected: HealthRow[] = [];
  await expect
    .poll(
      async () => {
        const res = await request.get(
          `${backendUrl}/api/user-trust/health?owner=${TEAM}&sort=burn&limit=50`,
          { headers: { Authorization: `Bearer ${token}` } },
        );
        expected = (await res.json()).items ?? [];
        return expected.length;
      },
      { timeout: 60_000 },
    )
    .toBeGreaterThan(1);
  expect(expected.every(row => row.owner === TEAM)).toBe(true);
  const burns = expected.map(row => row.fastestBurn?.rate ?? -1);
  expect(burns).toEqual([...burns].sort((a, b) => b - a));

  await signInAsGuest(page);
  await page.goto('/user-trust');
  await expect(page.getByRole('heading', { name: 'Services' })).toBeVisible();

  // Filter by the team.
  await page.getByTestId('filter-owner').getByLabel('Team').click();
  await page.getByRole('option', { name: /^Checkout Team\s\(\d+\)$/ }).click();
  await expect(page).toHaveURL(/owner=group%3Adefault%2Fcheckout-team/);
  await expect(page.getByText(`${expected.length} entities`)).toBeVisible();

  // Sort by another column, then by burn: worst first.
  const header = (name: string) =>
    page.getByRole('columnheader', { name, exact: true }).getByRole('button');
  await header('Service').click();
  await expect(page).toHaveURL(/sort=name/);
  await header('Fastest burn').click();
  await expect(page).not.toHaveURL(/sort=name/);
  await expect(page).not.toHaveURL(/order=/);

  const table = page.getByRole('table').filter({ hasText: 'Fastest burn' });
  const names = table.locator('tbody tr td:first-child a');
  await expect(names).toHaveText(expected.map(row => row.title ?? row.name));

  if (process.env.README_HEALTH_SCREENSHOT) {
    await page.screenshot({ path: process.env.README_HEALTH_SCREENSHOT });
  }

  // The URL is the view: opened afresh, it shows the same.
  await page.reload();
  await expect(names).toHaveText(expected.map(row => row.title ?? row.name));

  // Open the service burning fastest.
  const first = expected[0];
  await names.first().click();
  await expect(page).toHaveURL(
    new RegExp(`/catalog/default/component/${first.name}$`),
  );
  await expect(
    page.getByRole('heading', { name: first.title ?? first.name }).first(),
  ).toBeVisible();
});
