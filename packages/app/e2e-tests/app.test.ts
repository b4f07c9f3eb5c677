import {
  expect,
  openDashboardWithAuditRun,
  saveScreenshot,
  test,
} from './fixtures';

test.describe('Ownership Portal dev app', () => {
  test('the sidebar leads to the catalog and the ownership page', async ({
    signedIn: page,
  }) => {
    const nav = page.getByRole('navigation');
    await expect(
      nav.getByRole('link', { name: 'Catalog', exact: true }),
    ).toBeVisible();
    await expect(nav.getByRole('link', { name: 'Ownership' })).toBeVisible();

    await nav.getByRole('link', { name: 'Ownership' }).click();

    await expect(page).toHaveURL(/\/ownership$/);
  });

  test('the catalog lists the example organisation', async ({
    signedIn: page,
  }) => {
    await page.goto('/?filters[kind]=component&filters[user]=all');

    const heading = page
      .getByRole('heading', {
        name: /^All Components \(\d+\)$/,
      })
      .first();
    await expect(heading).toBeVisible();
    const total = Number((await heading.innerText()).match(/\d+/)![0]);
    expect(total).toBeGreaterThanOrEqual(40);
    await expect(
      page.getByRole('table').getByRole('link', { name: 'checkout-api' }),
    ).toBeVisible();

    await page.getByPlaceholder('Search').fill('legacy-invoice');

    await expect(
      page.getByRole('table').getByRole('link', {
        name: 'legacy-invoice-generator',
      }),
    ).toBeVisible();
    await saveScreenshot(page, 'catalog');
  });

  test('the ownership page counts what the audit covers', async ({
    signedIn: page,
  }) => {
    const audited = await openDashboardWithAuditRun(page);

    await expect(
      page.getByRole('heading', { name: 'Ownership' }).first(),
    ).toBeVisible();
    const count = Number(
      await audited.getByRole('paragraph').first().innerText(),
    );
    expect(count).toBeGreaterThanOrEqual(40);
    await expect(
      page.getByRole('region', { name: 'Valid owning team' }),
    ).toContainText(/\d+%/);
    await expect(
      page.getByRole('img', {
        name: /^(Trend over \d+ audit runs|One audit run)/,
      }),
    ).toBeVisible();
    await expect(page.getByText(/^Run #\d+ (finished|started)/)).toBeVisible();
    await expect(page.getByRole('table', { name: 'Teams' })).toBeVisible();
    await expect(
      page.getByRole('table', { name: 'Teams' }).getByRole('link', {
        name: 'Checkout',
        exact: true,
      }),
    ).toBeVisible();
    await expect(page.getByRole('table', { name: 'Findings' })).toBeVisible();
    await saveScreenshot(page, 'ownership');

    // Filters are kept in the address, so the selection can be shared.
    await page.getByRole('link', { name: 'Errors', exact: true }).click();
    await expect(page).toHaveURL(/\/ownership\?severity=error$/);
    await expect(
      page.getByRole('combobox', { name: 'Severity' }),
    ).toContainText('error');
  });

  test("a service's entity page shows its owner, system and dependencies", async ({
    signedIn: page,
  }) => {
    await page.goto('/catalog/default/component/checkout-api');

    await expect(
      page.getByRole('heading', { name: 'checkout-api', level: 2 }),
    ).toBeVisible();
    const about = page.getByText('Orchestrates order placement', {
      exact: false,
    });
    await expect(about.first()).toBeVisible();
    await expect(
      page.getByRole('link', { name: 'payments-gateway' }).first(),
    ).toBeVisible();
    await expect(
      page.getByRole('link', { name: 'Checkout' }).first(),
    ).toBeVisible();
    await saveScreenshot(page, 'entity-checkout-api');
  });
});
