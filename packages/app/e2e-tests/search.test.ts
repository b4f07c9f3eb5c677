import {
  expect,
  openDashboardWithAuditRun,
  saveScreenshot,
  test,
} from './fixtures';

test.describe('search', () => {
  test('finds who owns a service from the search page, with who is on call and its runbook', async ({
    signedIn: page,
  }) => {
    // The ownership documents are indexed from the latest audit run.
    await openDashboardWithAuditRun(page);

    await page
      .getByRole('navigation')
      .getByRole('link', { name: 'Search', exact: true })
      .click();
    await expect(page).toHaveURL(/\/search/);

    const result = page
      .getByRole('listitem')
      .filter({
        has: page.getByRole('link', { name: 'checkout-api', exact: true }),
      })
      .filter({ hasText: 'Owner: Checkout' });
    // The search index is rebuilt on a schedule (every 30 s in dev): on a
    // fresh backend, ask again until it holds the audit run.
    await expect(async () => {
      const box = page.getByRole('textbox', { name: /search/i }).first();
      await box.fill('');
      await box.fill('checkout-api');
      await expect(result).toBeVisible({ timeout: 5_000 });
    }).toPass({ timeout: 90_000, intervals: [2_000, 5_000, 10_000] });

    await page
      .getByRole('listitem')
      .filter({ hasText: /^Ownership/ })
      .first()
      .click();
    await expect(page).toHaveURL(/types%5B0%5D=ownership|types\[0\]=ownership/);
    await expect(result).toContainText(/On call: \S/);
    await expect(result).toContainText('Runbook: Checkout outage');
    await saveScreenshot(page, 'search-checkout-api');

    await result
      .getByRole('link', { name: 'checkout-api', exact: true })
      .click();
    await expect(page).toHaveURL(/\/catalog\/default\/component\/checkout-api/);
  });
});
