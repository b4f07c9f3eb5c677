import { readFile } from 'node:fs/promises';
import {
  expect,
  openDashboardWithAuditRun,
  saveScreenshot,
  test,
} from './fixtures';

/** The services of the `mobile` team, which has no on-call rotation. */
const MOBILE_SERVICES = [
  'customer-mobile-web',
  'mobile-bff',
  'mobile-push-notifier',
];

test.describe('the ownership auditor', () => {
  test('filters the findings by team and rule, exports them as CSV and sees the trend', async ({
    signedIn: page,
  }) => {
    await openDashboardWithAuditRun(page);
    await expect(
      page.getByRole('img', {
        name: /^(Trend over \d+ audit runs|One audit run)/,
      }),
    ).toBeVisible();

    const filters = page.getByRole('group', { name: 'Finding filters' });
    const team = filters.getByRole('combobox', { name: 'Team' });
    await team.click();
    await team.fill('Mobile');
    await page.getByRole('option', { name: 'Mobile', exact: true }).click();
    await expect(page).toHaveURL(/[?&]team=group%3Adefault%2Fmobile(&|$)/);

    await filters.getByRole('combobox', { name: 'Rule' }).click();
    await page.getByRole('option', { name: /^oncall\.missing/ }).click();
    await page.keyboard.press('Escape');
    await expect(page).toHaveURL(/[?&]ruleId=oncall\.missing(&|$)/);

    const findings = page.getByRole('table', { name: 'Findings' });
    const rows = findings.locator('tbody').getByRole('row');
    await expect(rows).toHaveCount(MOBILE_SERVICES.length);
    for (const service of MOBILE_SERVICES) {
      await expect(
        findings.getByRole('link', { name: service, exact: true }),
      ).toBeVisible();
    }
    await expect(rows.first()).toContainText('oncall.missing');
    await saveScreenshot(page, 'ownership-findings-filtered');

    // The address is the shareable selection: opening it again shows the same.
    await page.goto(page.url());
    await expect(rows).toHaveCount(MOBILE_SERVICES.length);
    await expect(filters.getByRole('combobox', { name: 'Team' })).toHaveValue(
      'Mobile',
    );

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export CSV' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('ownership-audit.csv');
    const csv = await readFile(await file.path(), 'utf8');
    const [header, ...lines] = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    const columns = header.split(',');
    expect(columns).toEqual(
      expect.arrayContaining(['entity_ref', 'owner', 'oncall.missing']),
    );
    expect(lines).toHaveLength(MOBILE_SERVICES.length);
    const refColumn = columns.indexOf('entity_ref');
    const ruleColumn = columns.indexOf('oncall.missing');
    expect(lines.map(line => line.split(',')[refColumn]).sort()).toEqual(
      MOBILE_SERVICES.map(name => `component:default/${name}`),
    );
    for (const line of lines) {
      expect(line.split(',')[ruleColumn]).toBe('error');
    }
  });
});
