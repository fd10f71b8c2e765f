import type { IncomingMessage, ServerResponse } from 'node:http';

/** Headers on every response: the API serves JSON only, to any origin's servers. */
export const securityHeaders: Readonly<Record<string, string>> = {
  'Content-Security-Policy':
    "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

export const sendJson = (res: ServerResponse, status: number, body: unknown): void => {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
  });
  res.end(res.req?.method === 'HEAD' ? undefined : text);
};

/** Public, cacheable GET: no credentials that could make the answer personal. */
export const isAnonymous = (req: IncomingMessage): boolean =>
  req.headers.authorization === undefined && req.headers.cookie === undefined;

/** The token of an `Authorization: Bearer …` header; cookies are never read. */
export const bearerToken = (req: IncomingMessage): string | null => {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
  return match?.[1] ?? null;
};

/**
 * Requests that may change something (anything but GET/HEAD/OPTIONS) must send JSON: a form or
 * `text/plain` body (what a cross-site page can send without a preflight) is refused.
 */
export const hasJsonBody = (req: IncomingMessage): boolean => {
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  return type === 'application/json';
};

export const isReadMethod = (method: string | undefined): boolean =>
  method === 'GET' || method === 'HEAD' || method === 'OPTIONS';

/** Resolves with `promise`, or rejects once `ms` have passed. */
export const withTimeout = <A>(promise: Promise<A>, ms: number): Promise<A> =>
  new Promise<A>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
