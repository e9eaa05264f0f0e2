import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const webRoot = fileURLToPath(new URL('.', import.meta.url));
const apiTarget = process.env.TONGBAN_API ?? 'http://localhost:3000';

// The web app is one SPA served by the server from web/dist (SPA fallback for
// /, /workbench/*, /admin/*, /dashboard/*, /login). In development Vite serves
// it and forwards API calls to the server.
export default defineConfig({
  root: webRoot,
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 900,
    rolldownOptions: {
      output: {
        // React is a long-lived vendor chunk that caches well across releases.
        // Ant Design is left to automatic splitting so that components only the
        // staff areas use (tables, tabs, statistics) ride in their lazy chunks,
        // and ECharts stays in the dashboard chunk: citizens never download them.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router|@tanstack)[\\/]/, priority: 30 },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: apiTarget, changeOrigin: false },
      '/healthz': { target: apiTarget },
      '/docs': { target: apiTarget },
      '/openapi.json': { target: apiTarget },
    },
  },
  preview: {
    port: 4173,
    proxy: {
      '/api': { target: apiTarget },
      '/healthz': { target: apiTarget },
    },
  },
});
