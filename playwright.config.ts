import { defineConfig } from '@playwright/test';

/*
 * End-to-end tests of the example portal in Debian's Chromium
 * (`apt-get install chromium`; Playwright's own browser downloads are not
 * used). The portal is started in development mode unless one already runs;
 * a portal started here keeps its data in memory, not in .dev-data/, so that
 * every run starts from the same database (the tests also work against a
 * running portal that keeps its data).
 */
const chromium = process.env.PLAYWRIGHT_CHROMIUM_PATH ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: 'packages/app/e2e-tests',
  timeout: 120_000,
  expect: { timeout: 30_000 },
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  workers: 1,
  reporter: [
    ['list'],
    ['html', { open: 'never', outputFolder: 'e2e-test-report' }],
  ],
  webServer: {
    command: 'node scripts/yarn.mjs start',
    env: { APP_CONFIG_backend_database_connection: ':memory:' },
    url: 'http://localhost:3000',
    reuseExistingServer: true,
    timeout: 300_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
  use: {
    baseURL: process.env.PLAYWRIGHT_URL ?? 'http://localhost:3000',
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    viewport: { width: 1440, height: 1000 },
    launchOptions: {
      executablePath: chromium,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  outputDir: 'node_modules/.cache/e2e-test-results',
});
