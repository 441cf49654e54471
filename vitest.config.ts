import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.{ts,tsx}'],
    setupFiles: ['tests/setup.ts'],
    testTimeout: 20_000,
    hookTimeout: 60_000,
    // End-to-end tests drive real terminals and processes; two at a time is what 2 cores hold.
    maxWorkers: 2,
  },
});
