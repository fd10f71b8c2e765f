import { defineConfig } from 'vitest/config';

// Unit tests of the admin's plain modules (no SvelteKit); pages are covered by the browser tests.
export default defineConfig({
  test: { include: ['src/**/*.test.ts'] },
});
