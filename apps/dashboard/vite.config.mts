import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));
const api = process.env.MANAGEMENT_API_URL ?? 'http://127.0.0.1:8080';

/** The dashboard: built into dist/apps/dashboard, which the management API serves at /ui/. */
export default defineConfig({
  root,
  base: '/ui/',
  plugins: [react()],
  build: { outDir: fileURLToPath(new URL('../../dist/apps/dashboard', import.meta.url)), emptyOutDir: true, chunkSizeWarningLimit: 1024 },
  // `npx vite apps/dashboard` serves the sources with the API of a running `npm start` behind it.
  server: { proxy: { '/schedulers': api, '/tokens': api } },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.spec.ts', 'src/**/*.spec.tsx'],
    setupFiles: ['src/test-setup.ts'],
    // A test that renders charts and waits for several answers takes seconds on a loaded machine.
    testTimeout: 30_000,
  },
});
