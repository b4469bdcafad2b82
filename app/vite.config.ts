import { defineConfig } from 'vitest/config';

// Preact through esbuild's automatic JSX runtime: no Babel plugin needed.
export default defineConfig({
  base: './',
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  build: {
    target: 'es2022',
    // @polkadot/api is most of the bundle: keep it in its own chunk so the app's code is cached apart.
    rollupOptions: {
      output: {
        manualChunks(id) {
          if (id.includes('node_modules/@polkadot/')) return 'polkadot';
          return undefined;
        },
      },
    },
    chunkSizeWarningLimit: 2000,
  },
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
  },
});
