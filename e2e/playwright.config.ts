// Browser tests against the built apps (`pnpm test:e2e` builds first), in Debian's Chromium.
// The API runs on an in-memory PGlite, migrated and seeded at start, on ports of its own
// so that a running `pnpm dev` does not get in the way.
import { defineConfig } from '@playwright/test';

import { ports, urls } from './servers.ts';

const apiUrl = urls.api;

export default defineConfig({
  testDir: './tests',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: true,
  reporter: [['list']],
  timeout: 30_000,
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
      command: 'node src/main.ts',
      cwd: '../apps/api',
      url: `${apiUrl}/ready`,
      env: {
        PORT: String(ports.api),
        HOST: '127.0.0.1',
        PGLITE_DIR: 'memory://',
        NODE_ENV: 'production',
      },
      reuseExistingServer: false,
      timeout: 60_000,
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
