import { defineConfig } from '@playwright/test';

/**
 * Browser tests against the dev app (frontend :3000, backend :7007), in the
 * system's Chromium: no browser is ever downloaded.
 * Set PLAYWRIGHT_URL to test an app that is already running elsewhere.
 */
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ci = Boolean(process.env.CI);

export default defineConfig({
  testDir: 'packages/app/e2e-tests',
  timeout: 90_000,
  expect: { timeout: 30_000 },
  workers: 1,
  forbidOnly: ci,
  retries: ci ? 1 : 0,
  reporter: [
    ['list'],
    ['html', { open: 'never', outputFolder: 'e2e-test-report' }],
  ],
  webServer: process.env.PLAYWRIGHT_URL
    ? []
    : [
        {
          command: 'yarn dev backend',
          url: 'http://localhost:7007/.backstage/health/v1/readiness',
          reuseExistingServer: !ci,
          timeout: 180_000,
          stdout: 'ignore',
        },
        {
          command: 'yarn dev app',
          url: 'http://localhost:3000',
          reuseExistingServer: !ci,
          timeout: 300_000,
          stdout: 'ignore',
        },
      ],
  use: {
    baseURL: process.env.PLAYWRIGHT_URL ?? 'http://localhost:3000',
    browserName: 'chromium',
    viewport: { width: 1440, height: 900 },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: chromium,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  outputDir: 'node_modules/.cache/e2e-test-results',
});
