import { defineConfig } from 'vitest/config';

// The property test that walks every procedure with hostile inputs, on servers and databases of
// its own (PGlite, and PostgreSQL when TEST_DATABASE_URL is set), and the pathological Markdown
// inputs; `pnpm test` runs them after the other files. FUZZ_RUNS sets the number of inputs per
// procedure and actor (default 12).
export default defineConfig({
  test: {
    include: ['test/no-internal-errors.test.ts', 'test/markdown.test.ts'],
    hookTimeout: 120_000,
    // A limit against hangs, not a speed check: CI shares two cores with builds and a browser.
    testTimeout: 120_000,
  },
});
