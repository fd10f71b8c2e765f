import { CSP } from '@klimakommuner/ui/csp';
import adapter from '@sveltejs/adapter-node';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [
    sveltekit({
      adapter: adapter(),
      // Scripts only from this origin or with SvelteKit's per-response nonce: no 'unsafe-inline'.
      csp: CSP,
    }),
  ],
  server: { port: 3000, strictPort: true },
  preview: { port: 3000, strictPort: true },
});
