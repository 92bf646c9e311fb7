import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    // Browser and HTTP suites start servers; keep the default pool but give them room.
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
