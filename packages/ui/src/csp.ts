import type { Config } from '@sveltejs/kit/vite';

/**
 * The Content-Security-Policy both apps send (vite.config.ts gives it to SvelteKit, which adds a
 * nonce or hash where it renders a script of its own): everything from the app's own origin, no
 * inline scripts or styles, no plugins, no framing, forms only to the app itself.
 */
export const CSP: NonNullable<Config['csp']> = {
  mode: 'auto',
  directives: {
    'default-src': ['self'],
    'script-src': ['self'],
    'style-src': ['self'],
    'img-src': ['self', 'data:'],
    'font-src': ['self'],
    'connect-src': ['self'],
    'form-action': ['self'],
    'object-src': ['none'],
    'base-uri': ['none'],
    'frame-ancestors': ['none'],
  },
};
