import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Starting PGlite takes 4-5 s of CPU (much longer on a busy machine); files share one each.
    hookTimeout: 120_000,
    testTimeout: 120_000,
  },
});
