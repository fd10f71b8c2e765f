import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Starting PGlite takes a few seconds; each file shares one instance.
    hookTimeout: 60_000,
    testTimeout: 30_000,
  },
});
