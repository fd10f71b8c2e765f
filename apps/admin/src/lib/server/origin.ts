/**
 * Whether a state-changing request came from a page of this site. SvelteKit checks the Origin of
 * form posts in production only; this holds in development too and also accepts a browser's
 * `Sec-Fetch-Site: same-origin` when no Origin came along. A request that proves neither is refused.
 */
export function isSameOriginRequest(request: Request, selfOrigin: string): boolean {
  const origin = request.headers.get('origin');
  if (origin !== null && origin !== 'null') return origin === selfOrigin;
  return request.headers.get('sec-fetch-site') === 'same-origin';
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function needsOriginCheck(request: Request): boolean {
  return !SAFE_METHODS.has(request.method);
}
