import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Migrating and seeding an in-memory PGlite takes a few seconds per file.
    hookTimeout: 60_000,
  },
});
