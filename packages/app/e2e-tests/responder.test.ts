import {
  expect,
  openDashboardWithAuditRun,
  saveScreenshot,
  test,
} from './fixtures';

test.describe('the incident responder', () => {
  test('looks a service up by keyboard alone and finds who is on call and the runbook', async ({
    signedIn: page,
  }) => {
    await openDashboardWithAuditRun(page);
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
    await expect(first).toContainText('checkout@acme-logistics.example');
    // Who is on call moves with the rotation: read the name off the result
    // and expect the same person in the details.
    await expect(first).toContainText(/On call: \S.* until/);
    const onCallName = (await first.locator('strong').first().innerText())
      .trim()
      .replace(/\s+/g, ' ');
    await expect(first).toContainText(/Runbook: Checkout outage/);
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
    const onCall = page
      .getByRole('region', { name: 'On call now' })
      .getByRole('list', { name: 'On call now' });
    await expect(onCall.getByRole('listitem').first()).toContainText(
      `L1${onCallName} until`,
    );
    await expect(
      onCall.getByRole('link', { name: onCallName }),
    ).toHaveAttribute('href', /\/catalog\/default\/user\//);

    await expect(
      page.getByRole('region', { name: 'Depends on' }),
    ).toContainText('payments-gateway');
    await saveScreenshot(page, 'ownership-lookup');

    // The example's runbooks are local files, which the portal shows itself.
    await page
      .getByRole('region', { name: 'Runbooks' })
      .getByRole('button', { name: 'Checkout outage' })
      .click();
    const runbook = page.getByRole('dialog', { name: 'Checkout outage' });
    await expect(
      runbook.getByRole('heading', { name: 'Symptoms' }),
    ).toBeVisible();
    await expect(runbook).toContainText('checkout-outage.md');
    await saveScreenshot(page, 'ownership-lookup-runbook', runbook);
    await page.keyboard.press('Escape');
    await expect(runbook).toBeHidden();

    await input.focus();
    await page.keyboard.press('Escape');
    await expect(input).toHaveValue('');
    await expect(page).toHaveURL(/\/ownership\/lookup$/);
  });
});
