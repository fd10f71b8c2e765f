import { CSP } from '@klimakommuner/ui/csp';
import adapter from '@sveltejs/adapter-node';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [
    sveltekit({
      adapter: adapter(),
      // Cross-site form posts are refused in hooks.server.ts, in development and production alike.
      // SvelteKit's own check compares the Origin with the request URL, which adapter-node builds
      // with https unless a proxy header or paths.origin says otherwise: over plain http (the
      // built app on http://127.0.0.1 in the browser tests) it would refuse every form post.
      // Set ADMIN_ORIGIN at build time (e.g. https://redaksjon.klimakommuner.no) to turn it on.
      csrf: { trustedOrigins: process.env.ADMIN_ORIGIN ? [] : ['*'] },
      ...(process.env.ADMIN_ORIGIN ? { paths: { origin: process.env.ADMIN_ORIGIN } } : {}),
      // The policy both apps share; server-rendered only (csr = false), so no inline scripts.
      csp: CSP,
    }),
  ],
  server: { port: 3100, strictPort: true },
  preview: { port: 3100, strictPort: true },
});
