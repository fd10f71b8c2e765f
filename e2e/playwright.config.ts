// Browser tests against the built apps (`pnpm test:e2e` builds first), in Debian's Chromium.
// The API runs on a fresh embedded database with the test accounts (start-api.ts), on ports of
// its own so that a running `pnpm dev` does not get in the way.
import { defineConfig } from '@playwright/test';

import { ports, urls } from './servers.ts';

const apiUrl = urls.api;

export default defineConfig({
  testDir: './tests',
  // The editors' tests change data the public pages show, so the public pages are checked first.
  projects: [
    { name: 'portal', testMatch: /portal\.spec\.ts/ },
    { name: 'admin', testMatch: /admin.*\.spec\.ts/, dependencies: ['portal'] },
  ],
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: true,
  reporter: [['list']],
  timeout: 90_000,
  use: {
    browserName: 'chromium',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
    locale: 'nb-NO',
    timezoneId: 'Europe/Oslo',
  },
  webServer: [
    {
      command: 'node start-api.ts',
      url: `${apiUrl}/ready`,
      env: { PORT: String(ports.api), HOST: '127.0.0.1' },
      reuseExistingServer: false,
      timeout: 120_000,
    },
    {
      command: 'node build',
      cwd: '../apps/portal',
      url: urls.portal,
      env: {
        PORT: String(ports.portal),
        HOST: '127.0.0.1',
        API_URL: apiUrl,
        NODE_ENV: 'production',
      },
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      command: 'node build',
      cwd: '../apps/admin',
      url: urls.admin,
      env: {
        PORT: String(ports.admin),
        HOST: '127.0.0.1',
        API_URL: apiUrl,
        NODE_ENV: 'production',
      },
      reuseExistingServer: false,
      timeout: 30_000,
    },
  ],
});
