/**
 * Whether a state-changing request came from a page of this site.
 *
 * A browser's `Sec-Fetch-Site` (which no page can forge) decides when present: only
 * `same-origin` passes. Otherwise the `Origin` header must name this host. The host is compared
 * rather than the whole origin because adapter-node assumes https unless told otherwise, so over
 * plain http on the loopback address the request URL says https while the browser says http.
 * A request that proves neither is refused.
 */
export function isSameOriginRequest(request: Request, self: URL): boolean {
  const site = request.headers.get('sec-fetch-site');
  if (site !== null) return site === 'same-origin';
  const origin = request.headers.get('origin');
  if (origin === null || origin === 'null') return false;
  try {
    const url = new URL(origin);
    return url.host === self.host && (url.protocol === 'https:' || url.protocol === 'http:');
  } catch {
    return false;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function needsOriginCheck(request: Request): boolean {
  return !SAFE_METHODS.has(request.method);
}
