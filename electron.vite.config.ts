import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { resolve } from 'node:path';

// One build for every side: main (Electron shell, core worker and CLI), preload, renderer.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve('main/index.ts'),
          'core-worker': resolve('main/core/worker.ts'),
          // Spreadsheets are parsed in a throwaway worker (limits, timeout, isolation).
          'sheet-worker': resolve('main/core/import/read/sheetWorker.ts'),
          cli: resolve('main/cli/index.ts'),
        },
      },
    },
  },
  preload: {
    // A sandboxed preload can't require packages, so it is bundled whole (zod included).
    build: {
      outDir: 'out/preload',
      externalizeDeps: false,
      rollupOptions: { input: { index: resolve('preload/index.ts') }, output: { format: 'cjs' } },
    },
  },
  renderer: {
    root: 'renderer',
    plugins: [react()],
    build: {
      outDir: 'out/renderer',
      minify: true,
      rollupOptions: { input: { index: resolve('renderer/index.html') } },
    },
  },
});
