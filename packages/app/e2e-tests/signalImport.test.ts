import { randomBytes } from 'node:crypto';
import { APIRequestContext, expect, test } from '@playwright/test';
import { signInAsGuest } from './signIn';

const backendUrl = process.env.BACKEND_URL ?? 'http://localhost:7007';
const entityPath = 'component/default/checkout-api';

async function guestToken(request: APIRequestContext): Promise<string> {
  const response = await request.get(`${backendUrl}/api/auth/guest/refresh`);
  expect(response.ok()).toBeTruthy();
  return (await response.json()).backstageIdentity.token;
}

/** checkout-api's support cases of the last 7 days, as its card counts them. */
async function recentCases(request: APIRequestContext): Promise<number> {
  const response = await request.get(
    `${backendUrl}/api/user-trust/entities/${entityPath}/summary`,
    { headers: { Authorization: `Bearer ${await guestToken(request)}` } },
  );
  expect(response.ok()).toBeTruthy();
  const summary = await response.json();
  return summary.windows[0].byKind.support_case ?? 0;
}

const hoursAgo = (hours: number) =>
  new Date(Date.now() - hours * 3600_000).toISOString();

test('a CSV is checked, fixed and imported on the Import page, and its cases show on the service card', async ({
  page,
  request,
}) => {
  // The demo seed runs once a few seconds after start-up; wait for it, so
  // that it does not add cases while this test counts them.
  await expect
    .poll(() => recentCases(request), { timeout: 90_000 })
    .toBeGreaterThan(0);
  const before = await recentCases(request);

  const run = randomBytes(4).toString('hex');
  const source = `crm-e2e-${run}`;
  const header = 'Case ID,Service,Created,Priority,Customer';
  const good = [
    `E2E-${run}-1,checkout-api,${hoursAgo(5)},P2,globex-retail`,
    `E2E-${run}-2,checkout-api,${hoursAgo(3)},low,initech`,
  ];
  const bad = `E2E-${run}-3,checkout-api,yesterday,P1,globex-retail`;
  const csv = (rows: string[]) => ({
    name: 'crm-cases.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from([header, ...rows].join('\n')),
  });

  await signInAsGuest(page);
  await page.goto('/user-trust/import');
  await expect(page.getByRole('tab', { name: 'Import' })).toHaveAttribute(
    'aria-selected',
    'true',
  );

  // A file with a bad row: the dry run names its row, field and column.
  await page
    .getByTestId('import-file-input')
    .setInputFiles(csv([...good, bad]));
  await page.getByLabel('Source').fill(source);
  await page.getByLabel('Column of Entity').selectOption('Service');
  await page.getByLabel('Column of Occurred at').selectOption('Created');
  await page.getByLabel('Constant kind').selectOption('support_case');
  await page.getByRole('button', { name: 'Check file (dry run)' }).click();

  const errors = page.getByRole('table', { name: 'Rows with errors' });
  await expect(errors).toBeVisible();
  const errorRow = errors.locator('tbody tr').first();
  await expect(errorRow.locator('td')).toHaveText([
    '3',
    'occurredAt',
    'Created',
    /'yesterday' is not a date/,
  ]);
  await expect(
    page.getByRole('button', { name: /^Import \d+ rows?$/ }),
  ).toBeDisabled();
  if (process.env.README_IMPORT_SCREENSHOT) {
    await errors.scrollIntoViewIfNeeded();
    await page.screenshot({ path: process.env.README_IMPORT_SCREENSHOT });
  }

  // The fixed file: no errors, two cases to create; import them.
  await page.getByTestId('import-file-input').setInputFiles(csv(good));
  await page.getByRole('button', { name: 'Check file (dry run)' }).click();
  const figures = page.locator('[aria-label="Import figures"]');
  const figure = (label: string) =>
    figures
      .locator('dt', { hasText: label })
      .locator('xpath=following-sibling::dd[1]');
  await expect(figure('Would create')).toHaveText('2');
  await expect(figure('Rows with errors')).toHaveText('0');
  await page.getByRole('button', { name: 'Import 2 rows' }).click();
  await expect(figure('Created')).toHaveText('2', { timeout: 60_000 });

  // The service's card counts them.
  expect(await recentCases(request)).toBeGreaterThanOrEqual(before + 2);
  await page.goto('/catalog/default/component/checkout-api');
  const card = page
    .locator('article, .MuiCard-root')
    .filter({ has: page.getByText('User-perceived signals') })
    .first();
  const cases = card.getByTestId('signal-row-support_case').locator('td');
  await expect(cases.first()).toHaveText(String(await recentCases(request)));

  // And its User trust tab lists them under the file's source.
  await page.goto('/catalog/default/component/checkout-api/user-trust');
  await expect(page.getByText(`${source} / E2E-${run}-2`)).toBeVisible({
    timeout: 60_000,
  });
});
