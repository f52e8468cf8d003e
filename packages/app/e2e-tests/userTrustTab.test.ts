import { expect, test } from '@playwright/test';
import { signInAsGuest } from './signIn';

test('the User trust tab shows the breached zero-SLO of checkout-api', async ({
  page,
}) => {
  await signInAsGuest(page);
  await page.goto('/catalog/default/component/checkout-api');
  // The entity tab, not the sidebar's catalog-wide page of the same name.
  await page
    .getByRole('main')
    .getByRole('link', { name: 'User trust', exact: true })
    .click();
  await expect(page).toHaveURL(/\/user-trust$/);

  // The demo history gives checkout-api a critical incident five days ago:
  // one bad day in 28 against a 97% target.
  const panel = page.getByTestId('slo-panel-no-critical-incidents');
  await expect(panel).toBeVisible({ timeout: 90_000 });
  await expect(panel).toContainText('breached');
  await expect(panel).toContainText('No critical customer-impacting incidents');

  // Its source, the annotation file beside the catalog file, is named.
  await expect(
    page.getByTestId('slo-panel-checkout-low-severity-cases'),
  ).toContainText('checkout-api.openslo.yaml');

  await page.screenshot({
    path:
      process.env.README_TAB_SCREENSHOT ??
      test.info().outputPath('user-trust-tab.png'),
  });
});
