// Browser tests against the built apps (`pnpm test:e2e` builds first), in Debian's Chromium.
// The API runs on a fresh database with the test accounts (start-api.ts): a PostgreSQL database
// of its own when TEST_DATABASE_URL is set (CI), embedded PGlite otherwise; on ports of its own
// so that a running `pnpm dev` does not get in the way.
import { defineConfig } from '@playwright/test';

import { ports, urls } from './servers.ts';

const apiUrl = urls.api;

export default defineConfig({
  testDir: './tests',
  // The editors' tests change data the public pages show, so the public pages are checked first;
  // the portal's own walks that change content (portal-changes) run after them too.
  projects: [
    { name: 'portal', testMatch: /tests\/portal(-(reflow|truth|people|site|search))?\.spec\.ts$/ },
    {
      name: 'portal-changes',
      testMatch: /tests\/portal-changes\.spec\.ts$/,
      dependencies: ['portal'],
    },
    { name: 'admin', testMatch: /tests\/admin[^/]*\.spec\.ts$/, dependencies: ['portal'] },
    { name: 'events', testMatch: /tests\/events[^/]*\.spec\.ts$/, dependencies: ['portal'] },
    { name: 'articles', testMatch: /tests\/articles[^/]*\.spec\.ts$/, dependencies: ['portal'] },
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
      // SIGTERM rather than SIGKILL, so that start-api.ts drops the database it made.
      gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 },
    },
    {
      // adapter-node's server with cached pages answered in front (apps/portal/server.js).
      command: 'node server.js',
      cwd: '../apps/portal',
      url: urls.portal,
      env: {
        PORT: String(ports.portal),
        HOST: '127.0.0.1',
        API_URL: apiUrl,
        // Canonical URLs, OpenGraph and the sitemap name the public origin (plain http here).
        PORTAL_ORIGIN: urls.portal,
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
        // Published records link to their public pages on the portal the tests start.
        PORTAL_URL: urls.portal,
        // Attachments come through the admin (20 MB and the form around it), see the README.
        BODY_SIZE_LIMIT: '25M',
        NODE_ENV: 'production',
      },
      reuseExistingServer: false,
      timeout: 30_000,
    },
  ],
});
