import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The Kaoto web UI of @kaoto/kaoto (its library build), composed as Kaoto's own standalone app composes it.
// The app's building blocks (providers, shell, pages) are not in the package's exports map, so they are reached
// through the alias "kaoto-lib" (the package's ES module folder).
export default defineConfig({
  base: './',
  resolve: {
    alias: {
      'kaoto-lib': fileURLToPath(new URL('./node_modules/@kaoto/kaoto/lib/esm', import.meta.url)),
    },
  },
  esbuild: { jsx: 'automatic' },
  build: {
    outDir: 'dist',
    chunkSizeWarningLimit: 100000,
    reportCompressedSize: false,
    sourcemap: false,
  },
  logLevel: 'warn',
});
