/**
 * Where the sign-in page may send an editor afterwards: only a path on this site. Anything that a
 * browser or a server could read as another host (`//host`, `/\host`, `/..//host`, the same
 * spelled with %2F, %5C, tabs or newlines, `javascript:`) or that a redirect cannot carry falls
 * back to the dashboard, so a successful sign-in always ends on a page of ours.
 */

export const DASHBOARD = '/';

/** Paths that make no sense to return to right after signing in. */
const NO_RETURN = ['/logg-inn', '/logg-ut'];

const BASE = 'http://return-path.invalid';

/**
 * Control characters and whitespace (URL parsers drop tabs and newlines silently), and
 * backslashes (browsers read them as slashes).
 */
const hasUnsafeCharacter = (path: string): boolean => {
  for (const character of path) {
    const code = character.codePointAt(0) ?? 0;
    if (code <= 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029)
      return true;
    if (character === '\\') return true;
  }
  return false;
};

/** The value with percent-escapes undone until nothing changes (a few rounds at most). */
const decoded = (value: string): string | null => {
  let current = value;
  for (let round = 0; round < 5; round++) {
    let next: string;
    try {
      next = decodeURIComponent(current);
    } catch {
      return null;
    }
    if (next === current) return current;
    current = next;
  }
  return null;
};

const looksLikeAnotherHost = (path: string): boolean =>
  !path.startsWith('/') || path.startsWith('//') || hasUnsafeCharacter(path);

export function safeReturnPath(value: string | null | undefined): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 2000) return DASHBOARD;
  const plain = decoded(value);
  if (plain === null || looksLikeAnotherHost(value) || looksLikeAnotherHost(plain)) {
    return DASHBOARD;
  }
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return DASHBOARD;
  }
  // Dot segments resolved (`/../`) must still leave one leading slash on this origin.
  if (url.origin !== BASE || looksLikeAnotherHost(url.pathname)) return DASHBOARD;
  const normalised = decoded(url.pathname);
  if (normalised === null || looksLikeAnotherHost(normalised)) return DASHBOARD;
  if (NO_RETURN.some((path) => url.pathname === path || url.pathname.startsWith(`${path}/`))) {
    return DASHBOARD;
  }
  const path = `${url.pathname}${url.search}`;
  // What goes into a Location header: printable ASCII only (the URL parser escaped the rest).
  return /^[\u0021-\u007e]+$/.test(path) ? path : DASHBOARD;
}
