import type { HandleServerError } from '@sveltejs/kit/hooks';

/**
 * The server `handleError` hook of both apps. Pages throw their own Norwegian errors (403, 404,
 * 503); this only translates SvelteKit's own errors and hides unexpected ones behind a generic
 * Norwegian message, logging them on the server.
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
