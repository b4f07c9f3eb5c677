import { type Page, expect, test as base } from '@playwright/test';
import path from 'node:path';

/** Where the tests save a screenshot of every view they check (git-ignored). */
export const screenshotDir = path.resolve(
  __dirname,
  '../../../e2e-screenshots',
);

/** Signs in with the guest provider, as a local user of the dev app does. */
async function signInAsGuest(page: Page) {
  await page.goto('/');
  await page.getByRole('button', { name: 'Enter' }).click();
  await expect(
    page
      .getByRole('navigation')
      .getByRole('link', { name: 'Catalog', exact: true }),
  ).toBeVisible();
}

export const test = base.extend<{ signedIn: Page }>({
  signedIn: async ({ page }, provide) => {
    await signInAsGuest(page);
    await provide(page);
  },
});

/** Saves a full-page screenshot named after the view. */
export async function saveScreenshot(page: Page, name: string) {
  await page.screenshot({
    path: path.join(screenshotDir, `${name}.png`),
    fullPage: true,
  });
}

export { expect };
