import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Guards against hangs, not speed: the machine is shared (sharp, the PDF worker, S3 server).
    hookTimeout: 60_000,
    testTimeout: 60_000,
  },
});
