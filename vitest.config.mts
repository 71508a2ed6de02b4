import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Behaviour tests wait on real 100 ms timers (the article's numbers); give them room on a loaded 2-core CI box.
    testTimeout: 20_000,
  },
});
