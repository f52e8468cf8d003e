import { expect, test } from '@playwright/test';
import { signInAsGuest } from './signIn';

const backendUrl = process.env.BACKEND_URL ?? 'http://localhost:7007';

test('a platform engineer registers a TAM; card and catalog graph show it', async ({
  page,
  request,
}) => {
  const token = (
    await (await request.get(`${backendUrl}/api/auth/guest/refresh`)).json()
  ).backstageIdentity.token;
  const headers = { Authorization: `Bearer ${token}` };
  // Start from no TAM, also when the portal is reused between runs.
  const cleanup = await request.delete(
    `${backendUrl}/api/user-trust/entities/component/default/cart-service/field-roles/tam/${encodeURIComponent(
      'user:default/rachel.kim',
    )}`,
    { headers },
  );
  expect([204, 404]).toContain(cleanup.status());

  // Guest sign-in is Tomasz Kowalski of the platform team (app-config.yaml).
  await signInAsGuest(page);
  await page.goto('/catalog/default/component/cart-service');

  const tam = page.getByTestId('field-role-tam');
  await expect(tam).toContainText('No TAM');
  await tam
    .getByRole('button', { name: /Assign Technical Account Manager/ })
    .click();

  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Person or group').fill('Rachel');
  await page.getByRole('option', { name: /Rachel Kim/ }).click();
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();

  await page.reload();
  await expect(page.getByTestId('field-role-tam')).toContainText('Rachel Kim');
  await expect(page.getByTestId('field-role-tam')).not.toContainText('No TAM');

  // The catalog processor turns the assignment into a relation pair once
  // the registry has asked the catalog to refresh the entity.
  await expect
    .poll(
      async () => {
        const entity = await (
          await request.get(
            `${backendUrl}/api/catalog/entities/by-name/component/default/cart-service`,
            { headers },
          )
        ).json();
        return entity.relations
          .filter((r: { type: string }) => r.type === 'userTrustHasTam')
          .map((r: { targetRef: string }) => r.targetRef);
      },
      { timeout: 60_000 },
    )
    .toEqual(['user:default/rachel.kim']);

  await page.reload();
  const graph = page
    .locator('article, .MuiCard-root')
    .filter({ has: page.getByText('Relations', { exact: true }) })
    .first();
  await expect(graph).toContainText('userTrustHasTam');
  await expect(graph).toContainText(/Rachel Kim|rachel\.kim/);
});
