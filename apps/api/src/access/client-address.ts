import type { IncomingMessage } from 'node:http';

export const DEFAULT_TRUSTED_PROXIES = '127.0.0.1,::1,::ffff:127.0.0.1';

/** `TRUSTED_PROXIES` (comma-separated addresses), default the loopback addresses. */
export const trustedProxiesFromEnv = (env: NodeJS.ProcessEnv = process.env): ReadonlySet<string> =>
  new Set(
    (env.TRUSTED_PROXIES ?? DEFAULT_TRUSTED_PROXIES)
      .split(',')
      .map((entry) => entry.trim())
      .filter((entry) => entry !== ''),
  );

/**
 * The address sign-in throttling counts against: the socket's peer, or the last entry of
 * `X-Forwarded-For` when that peer is a trusted proxy (the admin server passes the browser's
 * address so). The last entry is the one the proxy itself appended; earlier ones are the client's
 * word and never trusted.
 */
export const clientAddress = (req: IncomingMessage, trusted: ReadonlySet<string>): string => {
  const peer = req.socket.remoteAddress ?? 'unknown';
  if (!trusted.has(peer)) return peer;
  const header = req.headers['x-forwarded-for'];
  const value = Array.isArray(header) ? header.join(',') : header;
  const last = value
    ?.split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '')
    .at(-1);
  return last && last.length <= 100 ? last : peer;
};
