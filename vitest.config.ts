import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'web/src/**/*.test.ts', 'test/**/*.test.ts', 'e2e/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // The browser tests poll for what a page shows once its request is answered; on a loaded
    // 2-core CI machine that takes seconds, far beyond expect.poll's default of one second.
    expect: { poll: { timeout: 15_000 } },
  },
});
