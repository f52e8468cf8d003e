import { expect, Page } from '@playwright/test';

/** Signs in with the guest provider and waits until the session exists. */
export async function signInAsGuest(page: Page) {
  await page.goto('/');
  const enter = page.getByRole('button', { name: 'Enter' });
  await enter.click();
  await expect(enter).toBeHidden();
}
