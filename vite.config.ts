import { defineConfig } from 'vite';

/** The client: one page (index.html) with three screens; Phaser is split into its own chunk and loaded late. */
export default defineConfig({
  root: 'client',
  publicDir: false,
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1600,
    target: 'es2022',
  },
  server: {
    proxy: {
      '/api': 'http://localhost:2567',
      '/matchmake': { target: 'http://localhost:2567', ws: true },
    },
  },
});
