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
      csp: {
        mode: 'auto',
        directives: {
          'default-src': ['self'],
          'script-src': ['self'],
          // Server-rendered only (csr = false): no inline scripts and no inline styles either.
          'style-src': ['self'],
          'img-src': ['self', 'data:'],
          'font-src': ['self'],
          'connect-src': ['self'],
          'object-src': ['none'],
          'base-uri': ['none'],
          'frame-ancestors': ['none'],
          'form-action': ['self'],
        },
      },
    }),
  ],
  server: { port: 3100, strictPort: true },
  preview: { port: 3100, strictPort: true },
});
