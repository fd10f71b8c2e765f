import { todayIso } from '@klimakommuner/domain';
import type { Handle, HandleFetch } from '@sveltejs/kit/hooks';
import { watchContentVersion } from '#lib/server/content-version.ts';
import {
  matchesEtag,
  NO_STORE,
  newAnswers,
  PageCache,
  PUBLIC_CACHE_CONTROL,
  recordAnswer,
  strongEtag,
} from '#lib/server/page-cache.ts';
import { building } from '$app/env';
import { API_URL, CACHE } from '$app/env/private';

export { handleError } from '@klimakommuner/ui/hooks';

// Rendered pages are cached per process (#lib/server/page-cache.ts) and dropped when the API
// announces another content version; CACHE=off turns it off (and tells browsers not to keep
// pages either). The portal has no sessions: every page is the same for everyone.
let cache: PageCache | null = null;
const pageCache = (): PageCache | null => {
  if (!CACHE || building) return null;
  if (cache === null) {
    const opened = watchContentVersion(API_URL);
    cache = new PageCache({ watch: opened, today: () => todayIso() });
    // adapter-node lets the process end once its server closed: the kept-open stream to the API
    // must not keep it alive.
    process.once('sveltekit:shutdown', () => opened.stop());
  }
  return cache;
};

// The production server (server.js) answers the pages this cache holds before SvelteKit sees the
// request; it finds them here, by the same key `handle` uses (the page's full URL).
Reflect.set(globalThis, Symbol.for('klimakommuner.portal.pages'), (href: string) =>
  pageCache()?.get(href),
);

const withSecurityHeaders = (headers: Headers) => {
  headers.set('x-content-type-options', 'nosniff');
  headers.set('referrer-policy', 'strict-origin-when-cross-origin');
};

/** Notes the content version and due time of every API answer a render uses. */
export const handleFetch: HandleFetch = async ({ event, request, fetch }) => {
  const response = await fetch(request);
  if (event.locals.apiAnswers && request.url.startsWith(API_URL)) {
    recordAnswer(event.locals.apiAnswers, response.headers);
  }
  return response;
};

/**
 * Security headers on every response (the CSP comes from `csp` in vite.config.ts). A GET that
 * renders an HTML page with 200 gets a strong ETag (304 for `If-None-Match`) and may be kept
 * briefly by browsers and proxies, and here until the content changes; errors are never kept.
 */
export const handle: Handle = async ({ event, resolve }) => {
  const pages = event.request.method === 'GET' ? pageCache() : null;
  const key = event.url.href;
  const hit = pages?.get(key);
  if (hit !== undefined) {
    const headers = new Headers(hit.headers as [string, string][]);
    headers.set('x-cache', 'hit');
    if (matchesEtag(event.request.headers.get('if-none-match'), hit.etag)) {
      return new Response(null, { status: 304, headers });
    }
    return new Response(hit.body, { status: 200, headers });
  }
  const fill = pages?.begin() ?? null;
  const answers = newAnswers();
  event.locals.apiAnswers = answers;
  const response = await resolve(event);
  withSecurityHeaders(response.headers);
  const html = (response.headers.get('content-type') ?? '').startsWith('text/html');
  if (event.request.method !== 'GET' || response.status !== 200 || !html) {
    if (response.status !== 200) response.headers.set('cache-control', NO_STORE);
    else if (event.request.method === 'GET' && !response.headers.has('cache-control')) {
      response.headers.set('cache-control', CACHE ? PUBLIC_CACHE_CONTROL : NO_STORE);
    }
    return response;
  }
  const body = await response.text();
  const etag = strongEtag(body);
  const headers = new Headers(response.headers);
  headers.set('etag', etag);
  headers.set('cache-control', CACHE ? PUBLIC_CACHE_CONTROL : NO_STORE);
  headers.delete('content-length');
  if (fill !== null) pages?.set(key, fill, answers, { body, etag, headers: [...headers] });
  headers.set('x-cache', 'miss');
  if (matchesEtag(event.request.headers.get('if-none-match'), etag)) {
    return new Response(null, { status: 304, headers });
  }
  return new Response(body, { status: 200, headers });
};
