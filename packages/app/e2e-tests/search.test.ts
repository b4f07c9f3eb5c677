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
    // A fresh dev backend audits first and indexes after that.
    test.setTimeout(180_000);
    // The ownership documents are indexed from the latest audit run.
    await openDashboardWithAuditRun(page);

    await page
      .getByRole('navigation')
      .getByRole('link', { name: 'Search', exact: true })
      .click();
    await expect(page).toHaveURL(/\/search/);
    const box = page.getByRole('textbox', { name: 'Search' });
    await box.fill('checkout-api');
    await page
      .getByRole('navigation', { name: 'filter by type' })
      .getByRole('button', { name: /^Ownership/ })
      .click();

    const result = page.getByRole('listitem').filter({
      has: page.getByRole('link', { name: 'checkout-api', exact: true }),
    });
    // The search index is rebuilt on a schedule (every 30 s in dev): on a
    // fresh backend, ask again until it holds the audit run.
    await expect(async () => {
      await box.fill('');
      await box.fill('checkout-api');
      await expect(result).toBeVisible({ timeout: 5_000 });
    }).toPass({ timeout: 90_000, intervals: [2_000, 5_000, 10_000] });

    await expect(result).toContainText('Owner: Checkout');
    // Who is on call moves with the rotation; it is asked when shown.
    await expect(result).toContainText(/On call: \S+/);
    await expect(result).not.toContainText('asking…');
    await expect(result).toContainText('Runbook: Checkout outage');
    await saveScreenshot(page, 'search-checkout-api');

    await result
      .getByRole('link', { name: 'checkout-api', exact: true })
      .click();
    await expect(page).toHaveURL(/\/catalog\/default\/component\/checkout-api/);
    await expect(
      page.getByRole('heading', { name: 'checkout-api', level: 2 }),
    ).toBeVisible();
  });
});
