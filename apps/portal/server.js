// The portal in production: adapter-node's own server (build/index.js: listening, timeouts,
// graceful shutdown), with one thing in front. A page the page cache holds (src/hooks.server.ts,
// src/lib/server/page-cache.ts) is answered here, from its stored bytes, before SvelteKit turns
// the request into a Request and the answer back into a stream; everything else, and every page
// the cache does not hold, goes to SvelteKit unchanged. Decision 0033.
import process from 'node:process';
import { server } from './build/index.js';

/** Where hooks.server.ts puts the cache's lookup (by the page's full URL, as SvelteKit sees it). */
const PAGES = Symbol.for('klimakommuner.portal.pages');

// The request's origin as adapter-node works it out (ORIGIN, else PROTOCOL_HEADER and HOST_HEADER
// or Host); with PORT_HEADER or an unusual header the fast path steps aside rather than guess.
const origin = process.env.ORIGIN;
const protocolHeader = (process.env.PROTOCOL_HEADER ?? '').toLowerCase();
const hostHeader = (process.env.HOST_HEADER ?? '').toLowerCase();
const portHeader = process.env.PORT_HEADER ?? '';

/** @param {import('node:http').IncomingMessage} req */
const hrefOf = (req) => {
  if (portHeader !== '') return null;
  const one = (/** @type {string | string[] | undefined} */ value) =>
    typeof value === 'string' && value !== '' ? value : undefined;
  const base =
    origin ??
    `${(protocolHeader && one(req.headers[protocolHeader])) || 'https'}://${
      (hostHeader && one(req.headers[hostHeader])) || one(req.headers.host) || ''
    }`;
  try {
    return new URL(req.url ?? '/', base).href;
  } catch {
    return null;
  }
};

/** @param {string | undefined} header @param {string} etag */
const matches = (header, etag) =>
  header !== undefined &&
  (header.trim() === '*' ||
    header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag));

/**
 * A cached page's headers and bytes, worked out once per page rather than once per request (the
 * cache drops pages, and with them these, when the content changes).
 * @type {WeakMap<object, { headers: Record<string, string>; body: Buffer }>}
 */
const ready = new WeakMap();
/** @param {{ body: string; headers: [string, string][] }} hit */
const prepared = (hit) => {
  let page = ready.get(hit);
  if (page === undefined) {
    page = {
      headers: { ...Object.fromEntries(hit.headers), 'x-cache': 'hit' },
      body: Buffer.from(hit.body),
    };
    ready.set(hit, page);
  }
  return page;
};

const sveltekit = server.listeners('request');
server.removeAllListeners('request');
server.on('request', (req, res) => {
  /** @type {((href: string) => { body: string; etag: string; headers: [string, string][] } | undefined) | undefined} */
  const lookup = Reflect.get(globalThis, PAGES);
  const href = (req.method === 'GET' || req.method === 'HEAD') && lookup ? hrefOf(req) : null;
  const hit = href === null || lookup === undefined ? undefined : lookup(href);
  if (hit === undefined) {
    for (const listener of sveltekit) listener.call(server, req, res);
    return;
  }
  const { headers, body } = prepared(hit);
  if (matches(req.headers['if-none-match'], hit.etag)) {
    res.writeHead(304, headers);
    res.end();
    return;
  }
  res.writeHead(200, { ...headers, 'content-length': String(body.length) });
  res.end(req.method === 'HEAD' ? undefined : body);
});
