import type { Locator, Page } from '@playwright/test';
import {
  backgroundOf,
  cardTitled,
  expect,
  openDashboardWithAuditRun,
  saveScreenshot,
  test,
} from './fixtures';

/** A view of the plugin, and what shows that it rendered with real data. */
interface View {
  name: string;
  /** Opens the view and checks it; returns the part to screenshot, if not the page. */
  open(page: Page): Promise<Locator | void>;
}

const views: View[] = [
  {
    name: 'dashboard',
    async open(page) {
      await openDashboardWithAuditRun(page);
      await expect(page.getByRole('table', { name: 'Teams' })).toBeVisible();
      await expect(
        page.getByRole('table', { name: 'Findings' }).getByRole('row').nth(1),
      ).toBeVisible();
    },
  },
  {
    name: 'lookup',
    async open(page) {
      await page.goto(
        '/ownership/lookup?q=payments&entity=component%3Adefault%2Fpayments-gateway',
      );
      await expect(page.getByRole('option').first()).toContainText('Owner:');
      await expect(
        page.getByRole('heading', { name: 'payments-gateway', level: 3 }),
      ).toBeVisible();
      await expect(
        page.getByRole('region', { name: 'On call now' }),
      ).toContainText('L1');
    },
  },
  {
    name: 'entity-card',
    async open(page) {
      // The card sits in the info column, which scrolls on its own when it
      // is taller than the window: make room to show the whole card.
      await page.setViewportSize({
        width: page.viewportSize()?.width ?? 1440,
        height: 1600,
      });
      await page.goto('/catalog/default/component/checkout-api');
      const card = cardTitled(page, 'Ownership');
      await expect(card).toContainText('Checkout');
      await expect(card).toContainText('L1');
      await expect(card).toContainText('Checkout outage');
      return card;
    },
  },
  {
    name: 'entity-operations',
    async open(page) {
      await page.goto('/catalog/default/component/payments-gateway/operations');
      await expect(
        page.getByRole('table', { name: 'Runbooks' }).getByRole('row').nth(1),
      ).toBeVisible();
      await expect(
        page.getByRole('table', { name: 'Architecture decision records' }),
      ).toContainText('Tokenise cards with an external vault');
      await expect(
        page.getByRole('table', { name: 'Tech debt' }),
      ).toBeVisible();
    },
  },
  {
    name: 'group-card',
    async open(page) {
      await page.goto('/catalog/default/group/payments');
      await expect(
        page.getByRole('list', { name: 'Services of Payments' }),
      ).toContainText('payments-ledger');
      return cardTitled(page, 'Team ownership');
    },
  },
  {
    name: 'group-onboarding',
    async open(page) {
      await page.goto('/catalog/default/group/payments/onboarding');
      await expect(
        page.getByRole('list', { name: 'Decision records' }),
      ).toContainText('Use an append-only event store for the ledger');
    },
  },
];

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`every view in the ${scheme} theme`, () => {
    // The app follows the system's colour scheme until a user picks a theme.
    test.use({ colorScheme: scheme });

    for (const view of views) {
      test(view.name, async ({ signedIn: page }) => {
        const part = await view.open(page);

        const [r, g, b] = await backgroundOf(page);
        const luminance = (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
        if (scheme === 'dark') {
          expect(luminance).toBeLessThan(0.3);
        } else {
          expect(luminance).toBeGreaterThan(0.7);
        }
        await saveScreenshot(page, `${view.name}-${scheme}`, part || undefined);
      });
    }
  });
}

test.describe('every view on a laptop screen', () => {
  test.use({ viewport: { width: 1280, height: 720 } });

  for (const view of views) {
    test(`${view.name} fits the width`, async ({ signedIn: page }) => {
      await view.open(page);

      const overflow = await page.evaluate(() => ({
        page: document.documentElement.scrollWidth - window.innerWidth,
        // Tables scroll sideways inside their container on narrow screens;
        // on a laptop none of them should need to.
        tables: [
          ...document.querySelectorAll('[class*="MuiTableContainer-root"]'),
        ]
          .filter(table => table.scrollWidth > table.clientWidth + 1)
          .map(table => table.querySelector('table')?.ariaLabel ?? '?'),
      }));
      expect(overflow.page).toBeLessThanOrEqual(0);
      expect(overflow.tables).toEqual([]);
    });
  }
});
