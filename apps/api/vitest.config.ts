import { defineConfig } from 'vitest/config';

// The files that call the one server test/global-setup.ts starts. They run on PGlite, and again
// on PostgreSQL (a freshly created database) when TEST_DATABASE_URL is set; the other files start
// what they need on both engines themselves (throttle, process, outage).
const SHARED_SERVER = [
  'test/access.test.ts',
  'test/audit-access.test.ts',
  'test/auth.test.ts',
  'test/editing.test.ts',
  'test/errors.test.ts',
  'test/hostile-input.test.ts',
  'test/markdown-api.test.ts',
  'test/participations.test.ts',
  'test/projects.test.ts',
  'test/queries.test.ts',
  'test/resources.test.ts',
  'test/files.test.ts',
  'test/events.test.ts',
];

const GLOBAL_SETUP = 'test/global-setup.ts';

export default defineConfig({
  test: {
    // Run on their own afterwards (vitest.robustness.config.ts): CPU-heavy (the hostile-input walk
    // starts servers of its own; the pathological Markdown), they would slow the files that
    // share the server below.
    exclude: ['test/no-internal-errors.test.ts', 'test/markdown.test.ts'],
    hookTimeout: 120_000,
    // A limit against hangs, not a speed check: CI shares two cores with builds and a browser.
    testTimeout: 120_000,
    projects: [
      // Each project starts one server for all its files (see test/global-setup.ts for why).
      {
        extends: true,
        test: { name: 'pglite', include: ['test/**/*.test.ts'], globalSetup: [GLOBAL_SETUP] },
      },
      ...(process.env.TEST_DATABASE_URL?.trim()
        ? [
            {
              extends: true,
              test: { name: 'postgres', include: SHARED_SERVER, globalSetup: [GLOBAL_SETUP] },
            },
          ]
        : []),
    ],
  },
});
