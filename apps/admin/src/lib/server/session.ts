import type { Cookies } from '@sveltejs/kit';
import { dev } from '$app/env';

/**
 * The session cookie. In production it carries the `__Host-` prefix, which makes the browser
 * insist on Secure, Path=/ and no Domain. Chromium treats http://127.0.0.1 and localhost as
 * secure contexts and keeps such cookies there too, so the built app works over plain http on
 * the loopback address. The dev server may be reached on any address over http, where a Secure
 * cookie would be dropped, so it uses a plain name without Secure.
 */
export const SESSION_COOKIE = dev ? 'kk_session' : '__Host-kk_session';

const options = { path: '/', httpOnly: true, sameSite: 'lax', secure: !dev } as const;

export function setSessionCookie(cookies: Cookies, token: string, expiresAt: string): void {
  const expires = new Date(expiresAt);
  cookies.set(SESSION_COOKIE, token, {
    ...options,
    ...(Number.isNaN(expires.getTime()) ? {} : { expires }),
  });
}

export function clearSessionCookie(cookies: Cookies): void {
  cookies.delete(SESSION_COOKIE, options);
}

/** The sign-in page's address, remembering where the editor was going. */
export function signInPath(url: URL, expired = false): string {
  const params = new URLSearchParams();
  const here = `${url.pathname}${url.search}`;
  if (here !== '/' && !url.pathname.startsWith('/logg-inn')) params.set('til', here);
  if (expired) params.set('utlopt', '1');
  const query = params.toString();
  return query ? `/logg-inn?${query}` : '/logg-inn';
}
