import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const webRoot = fileURLToPath(new URL('.', import.meta.url));

/** Port of a locally running `luoshi serve` that the dev server proxies API calls to. */
const apiTarget = process.env.LUOSHI_API_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  root: webRoot,
  base: '/',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    // The manifest lets bench/web-bundle.ts measure each route's first load exactly.
    manifest: true,
    // antd is large minified; the budget that matters is the gzipped first load (BENCHMARKS.md).
    chunkSizeWarningLimit: 1200,
  },
  server: {
    proxy: { '/api': apiTarget },
  },
});
