import { expect, saveScreenshot, test } from './fixtures';

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
    await page.goto('/ownership');

    await expect(
      page.getByRole('heading', { name: 'Ownership' }).first(),
    ).toBeVisible();
    const audited = page.getByRole('region', { name: 'Services audited' });
    const noRunYet = page.getByText('No audit run has completed yet');
    await expect(audited.or(noRunYet)).toBeVisible();
    if (await noRunYet.isVisible()) {
      // A fresh database: start the first run rather than wait for the
      // schedule (the dev backend allows every user to).
      await page.getByRole('button', { name: 'Run now' }).click();
    }
    await expect(audited).toBeVisible({ timeout: 80_000 });
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

  test('the incident lookup finds who owns a service, by keyboard alone', async ({
    signedIn: page,
  }) => {
    await page.goto('/ownership');
    const search = page.getByRole('searchbox', { name: 'Find a service' });
    await expect(search).toBeVisible();

    await page.keyboard.press('/');
    await expect(search).toBeFocused();
    await page.keyboard.type('checkout-api');
    await page.keyboard.press('Enter');

    await expect(page).toHaveURL(/\/ownership\/lookup\?q=checkout-api$/);
    const input = page.getByRole('combobox', {
      name: 'Service, system, tag or team',
    });
    await expect(input).toBeFocused();
    await expect(input).toHaveValue('checkout-api');
    const first = page.getByRole('option').first();
    await expect(first).toContainText('checkout-api');
    await expect(first).toContainText('Owner: Checkout');
    await expect(input).toHaveAttribute(
      'aria-activedescendant',
      (await first.getAttribute('id'))!,
    );

    await page.keyboard.press('Enter');

    await expect(page).toHaveURL(/entity=component%3Adefault%2Fcheckout-api/);
    await expect(
      page.getByRole('heading', { name: 'checkout-api', level: 3 }),
    ).toBeVisible();
    const owner = page.getByRole('region', { name: 'Owner' });
    await expect(
      owner.getByRole('link', { name: 'Checkout', exact: true }),
    ).toBeVisible();
    await expect(
      owner.getByRole('link', { name: 'checkout@acme-logistics.example' }),
    ).toBeVisible();
    await expect(
      page.getByRole('region', { name: 'Depends on' }),
    ).toContainText('payments-gateway');
    await saveScreenshot(page, 'ownership-lookup');

    await page.keyboard.press('Escape');
    await expect(input).toHaveValue('');
    await expect(page).toHaveURL(/\/ownership\/lookup$/);
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
