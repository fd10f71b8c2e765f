import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Starts one server over an in-memory PGlite for all files (see the file for why).
    globalSetup: ['test/global-setup.ts'],
    hookTimeout: 60_000,
  },
});
