import {
  type Locator,
  type Page,
  expect,
  test as base,
} from '@playwright/test';
import path from 'node:path';

/** Where the tests save a screenshot of every view they check (git-ignored). */
const screenshotDir = path.resolve(__dirname, '../../../e2e-screenshots');

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

/**
 * Saves a screenshot named after the view: of the whole page, or of one part
 * of it (a card in the scrolling info column is cut off in a full-page shot).
 */
export async function saveScreenshot(page: Page, name: string, part?: Locator) {
  const file = path.join(screenshotDir, `${name}.png`);
  await (part
    ? part.screenshot({ path: file })
    : page.screenshot({ path: file, fullPage: true }));
}

/** The card (an `InfoCard`) whose title is `title`. */
export function cardTitled(page: Page, title: string): Locator {
  return page
    .getByRole('heading', { name: title, exact: true })
    .locator('xpath=ancestor::*[contains(@class, "MuiCard-root")][1]');
}

/**
 * Opens the audit dashboard and waits until it shows a finished run. On a
 * fresh database it starts the first run rather than wait for the schedule
 * (the dev backend allows every user to).
 */
export async function openDashboardWithAuditRun(page: Page) {
  await page.goto('/ownership');
  const audited = page.getByRole('region', { name: 'Services audited' });
  const noRunYet = page.getByText('No audit run has completed yet');
  await expect(audited.or(noRunYet)).toBeVisible();
  if (await noRunYet.isVisible()) {
    await page.getByRole('button', { name: 'Run now' }).click();
  }
  await expect(audited).toBeVisible({ timeout: 80_000 });
  return audited;
}

/** The page's background colour as `[r, g, b]`. */
export async function backgroundOf(page: Page): Promise<number[]> {
  const color = await page
    .locator('body')
    .evaluate(body => getComputedStyle(body).backgroundColor);
  return (color.match(/\d+/g) ?? []).slice(0, 3).map(Number);
}

export { expect };
