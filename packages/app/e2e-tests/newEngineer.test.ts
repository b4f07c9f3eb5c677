import { expect, saveScreenshot, test } from './fixtures';

test.describe('the new engineer', () => {
  test('opens their team and finds what the team owns, what to read and whom to ask', async ({
    signedIn: page,
  }) => {
    await page.goto('/catalog/default/group/payments');
    await expect(
      page.getByRole('heading', { name: 'Payments', level: 2 }),
    ).toBeVisible();

    const services = page.getByRole('list', { name: 'Services of Payments' });
    await expect(
      services.getByRole('link', { name: 'payments-ledger' }),
    ).toBeVisible();
    // Services of sub-teams count, and say through which team.
    await expect(
      services.getByRole('listitem').filter({ hasText: 'fraud-rules-engine' }),
    ).toContainText('via Payments - Fraud');

    await page
      .getByRole('navigation', { name: 'Content navigation' })
      .getByRole('link', { name: 'Onboarding' })
      .click();

    await expect(page).toHaveURL(
      /\/catalog\/default\/group\/payments\/onboarding$/,
    );
    const runbooks = page.getByRole('list', { name: 'Runbooks' });
    await expect(runbooks.getByRole('listitem').first()).toBeVisible();
    await expect(
      runbooks.getByRole('button', { name: 'Payments incident response' }),
    ).toBeVisible();

    const decisions = page
      .getByRole('list', { name: 'Decision records' })
      .getByRole('listitem');
    await expect(decisions.first()).toContainText(
      'Use an append-only event store for the ledger',
    );
    const dates = (await decisions.allInnerTexts())
      .map(text => /\d{4}-\d{2}-\d{2}/.exec(text)?.[0])
      .filter((date): date is string => Boolean(date));
    expect(dates.length).toBeGreaterThanOrEqual(3);
    expect(dates).toEqual([...dates].sort().reverse());

    const members = page.getByRole('list', { name: 'Members of Payments' });
    await expect(
      members.getByRole('link', { name: 'Alice Nguyen' }),
    ).toBeVisible();
    await expect(
      members.getByRole('listitem').filter({ hasText: 'Priya Raman' }),
    ).toContainText('via Payments - Fraud');
    await expect(
      page
        .getByRole('list', { name: 'Contacts of Payments' })
        .getByRole('link', { name: 'payments@acme-logistics.example' }),
    ).toBeVisible();
    await saveScreenshot(page, 'group-onboarding');

    // Reading the newest decision does not leave the portal.
    await decisions
      .first()
      .getByRole('button', {
        name: 'Use an append-only event store for the ledger',
      })
      .click();
    const decision = page.getByRole('dialog', {
      name: 'Use an append-only event store for the ledger',
    });
    await expect(decision.getByRole('heading').first()).toBeVisible();
    await expect(decision).toContainText('0004-use-an-append-only-event-store');
    await page.keyboard.press('Escape');
    await expect(decision).toBeHidden();
  });
});
