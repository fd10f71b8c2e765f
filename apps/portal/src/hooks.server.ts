import type { Handle, HandleServerError } from '@sveltejs/kit/hooks';

/** Security headers on every response (the CSP comes from `csp` in vite.config.ts); public pages
 * may be cached briefly by a CDN; errors are never cached. */
export const handle: Handle = async ({ event, resolve }) => {
  const response = await resolve(event);
  response.headers.set('x-content-type-options', 'nosniff');
  response.headers.set('referrer-policy', 'strict-origin-when-cross-origin');
  if (
    event.request.method === 'GET' &&
    response.status === 200 &&
    !response.headers.has('cache-control')
  ) {
    response.headers.set('cache-control', 'public, max-age=60, stale-while-revalidate=300');
  }
  return response;
};

/**
 * Pages throw their own Norwegian errors (404, 503); this hook only translates SvelteKit's
 * own errors and hides unexpected ones behind a generic Norwegian message.
 */
export const handleError: HandleServerError = (caught) => {
  if (caught.kind === 'framework') {
    return { message: caught.error.status === 404 ? 'Fant ikke siden' : 'Noe gikk galt' };
  }
  if (caught.kind === 'unknown') {
    console.error(caught.error);
    return { status: 500, message: 'Noe gikk galt' };
  }
  return undefined;
};
