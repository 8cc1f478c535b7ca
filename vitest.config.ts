import { defineConfig, mergeConfig } from 'vitest/config';
import viteConfig from './vite.config.ts';

// Engine and worker tests run in Node; component tests opt into jsdom per file
// with a `// @vitest-environment jsdom` docblock. Playwright specs live in tests/e2e
// and are excluded here.
export default mergeConfig(
  viteConfig,
  defineConfig({
    test: {
      include: ['tests/**/*.test.{ts,tsx}'],
      exclude: ['tests/e2e/**', 'node_modules/**'],
      environment: 'node',
      setupFiles: ['tests/setup.ts'],
      testTimeout: 30_000,
    },
  }),
);
