import type { HandleServerError } from '@sveltejs/kit/hooks';

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
