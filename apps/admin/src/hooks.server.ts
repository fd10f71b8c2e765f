import { apiErrorCode } from '@klimakommuner/api';
import { error } from '@sveltejs/kit';
import type { Handle } from '@sveltejs/kit/hooks';
import { sequence } from '@sveltejs/kit/hooks';
import { clientFor } from '#lib/server/api.ts';
import { isSameOriginRequest, needsOriginCheck } from '#lib/server/origin.ts';
import { clearSessionCookie, SESSION_COOKIE, signInPath } from '#lib/server/session.ts';

export { handleError } from '@klimakommuner/ui/hooks';

const PUBLIC_PATHS = new Set(['/logg-inn']);

const REFUSED_PAGE = `<!doctype html>
<html lang="nb"><head><meta charset="utf-8"><title>Forespørselen ble avvist – Klimakommuner redaksjon</title></head>
<body><main><h1>Forespørselen ble avvist</h1>
<p>Skjemaet ble sendt fra et annet nettsted enn Klimakommuner redaksjon, så vi har ikke gjort noe. Gå tilbake til <a href="/">redaksjonen</a> og prøv igjen derfra.</p>
</main></body></html>`;

/** Refuses cross-site form posts and puts the security headers on every response. */
const security: Handle = async ({ event, resolve }) => {
  const response =
    needsOriginCheck(event.request) && !isSameOriginRequest(event.request, event.url)
      ? new Response(REFUSED_PAGE, {
          status: 403,
          headers: { 'content-type': 'text/html; charset=utf-8' },
        })
      : await resolve(event);
  const headers = response.headers;
  headers.set('x-content-type-options', 'nosniff');
  headers.set('referrer-policy', 'same-origin');
  headers.set('cache-control', 'no-store');
  headers.set('x-frame-options', 'DENY');
  return response;
};

function redirectTo(location: string): Response {
  return new Response(null, { status: 303, headers: { location } });
}

/**
 * Loads the signed-in editor once per request. Anonymous visitors are sent to sign in; a session
 * the API no longer knows (expired or ended) is forgotten, with a message on the sign-in page.
 */
const session: Handle = async ({ event, resolve }) => {
  event.locals.token = event.cookies.get(SESSION_COOKIE) ?? null;
  event.locals.me = null;
  const isPublic = PUBLIC_PATHS.has(event.url.pathname);

  if (event.locals.token !== null) {
    try {
      event.locals.me = await clientFor(event).auth.me.query();
    } catch (cause) {
      if (apiErrorCode(cause) !== 'UNAUTHORIZED') {
        console.error(cause);
        error(503, 'Tjenesten er midlertidig utilgjengelig');
      }
      clearSessionCookie(event.cookies);
      event.locals.token = null;
      if (!isPublic) return redirectTo(signInPath(event.url, true));
    }
  }
  if (event.locals.me === null && !isPublic) {
    // A sign-out from an ended session has nothing left to end.
    if (event.url.pathname === '/logg-ut') return redirectTo('/logg-inn');
    return redirectTo(signInPath(event.url));
  }
  return resolve(event);
};

export const handle = sequence(security, session);
