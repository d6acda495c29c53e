import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Unit tests sit beside the code they test; browser tests are Playwright's (tests/e2e).
    include: ['src/**/*.test.ts', 'tests/unit/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
  },
});
