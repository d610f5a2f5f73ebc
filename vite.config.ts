import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const ZOD_JITLESS = fileURLToPath(new URL('./client/src/lib/zodJitless.ts', import.meta.url));

/** A TypeScript source file of shared/ (ids are absolute paths, with / or \\ as separator). */
const SHARED_SOURCE = /[\\/]shared[\\/].*\.ts$/;

/** The consensus math but the agreement words, the comparisons and the plain statistics the phone's summary uses. */
const RESULTS_MATH = /[\\/]shared[\\/](consensus[\\/](?!agreement|compare|stats|groups|types|index)\w+|kinds[\\/]options[\\/]math)\.ts$/;

// One config for the client build (vite) and every test project (vitest).
export default defineConfig({
  root: 'client',
  plugins: [react()],
  // The client's zod runs without eval (the server's CSP forbids it): `zod` resolves to a module
  // that configures it first. Not under vitest: the server keeps zod's faster compiled parsers.
  resolve: { alias: process.env.VITEST ? [] : [{ find: /^zod$/, replacement: ZOD_JITLESS }] },
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    // .vite/manifest.json: which chunks and stylesheets each route loads (scripts/bundle-size.ts reads it).
    manifest: true,
    rolldownOptions: {
      treeshake: {
        // shared/ is pure (types, rules, zod schemas, constants): a module whose exports a page does
        // not use is left out even when it is reached through the shared/index.ts barrel, so
        // zod's schemas stay out of the phone's bundle.
        moduleSideEffects: (id: string) => !SHARED_SOURCE.test(id),
      },
      output: {
        codeSplitting: {
          groups: [
            // The results math (votes, the groups lens, Kendall's W, the scan, weighing the options)
            // runs on the server; of the pages only the board, console and report read a few of its
            // helpers. In a chunk of its own it stays out of the phone's first load, which the
            // bundler would otherwise merge it into as code "shared" by several pages.
            { name: 'results-math', test: RESULTS_MATH, includeDependenciesRecursively: false },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      '/api': 'http://localhost:3000',
      '/healthz': 'http://localhost:3000',
      '/socket.io': { target: 'http://localhost:3000', ws: true },
    },
  },
  test: {
    globals: true,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          root: '.',
          environment: 'node',
          include: ['shared/**/*.test.ts', 'server/**/*.test.ts', 'test/integration/**/*.test.ts', 'test/fuzz/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'ui',
          root: '.',
          environment: 'jsdom',
          include: ['client/**/*.test.tsx', 'client/**/*.test.ts'],
          setupFiles: ['client/src/test/setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          root: '.',
          environment: 'node',
          include: ['test/browser/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
