import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Each suite opens databases of its own (test/engines.ts onEachEngine), so nothing is shared
    // between files that isolation would protect; without it a worker compiles PGlite's WASM once
    // rather than once per file (4-5 s of CPU each, much longer on a busy machine).
    isolate: false,
    hookTimeout: 120_000,
    testTimeout: 120_000,
  },
});
