import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ContentVersion } from '@klimakommuner/db';
import { CONTENT_VERSION_HEADER, matchesEtag, type StoredResponse } from './responses.ts';

/**
 * Sends a whole answer: 304 without a body when `If-None-Match` names its ETag, else the bytes,
 * with `cacheControl`, whether the cache answered, and the content version its data is at least as new as.
 */
export const sendStored = (
  req: IncomingMessage,
  res: ServerResponse,
  stored: StoredResponse,
  cacheControl: string,
  source: 'hit' | 'miss',
): void => {
  const headers: Record<string, string | number> = {
    ...stored.headers,
    'Cache-Control': cacheControl,
    // Whether this process's cache answered (for debugging and the tests).
    'X-Cache': source,
  };
  if (stored.version !== null) headers[CONTENT_VERSION_HEADER] = stored.version;
  if (stored.etag !== null) headers.ETag = stored.etag;
  if (stored.status === 200 && matchesEtag(req.headers['if-none-match'], stored.etag)) {
    res.writeHead(304, headers);
    res.end();
    return;
  }
  headers['Content-Length'] = stored.body.length;
  res.writeHead(stored.status, headers);
  res.end(req.method === 'HEAD' ? undefined : stored.body);
};

/** How often an open version stream sends a comment, so proxies keep it open. */
const HEARTBEAT_MS = 15_000;

/**
 * `GET /content-version`: the content version this process knows, as JSON (`{ version }`, null
 * while unknown), or with `Accept: text/event-stream` as a stream of `data: <version>` lines, one
 * now and one on every change (`data: unknown` while this process cannot hear of changes). The
 * portal keeps one open to know when its pages are stale. `streams` holds the open ones, so that
 * stopping can end them.
 */
export const serveContentVersion = (
  req: IncomingMessage,
  res: ServerResponse,
  content: ContentVersion,
  streams: Set<ServerResponse>,
): void => {
  if (!(req.headers.accept ?? '').includes('text/event-stream')) {
    const body = JSON.stringify({ version: content.current });
    res.writeHead(200, {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Length': Buffer.byteLength(body),
      'Cache-Control': 'no-store',
    });
    res.end(req.method === 'HEAD' ? undefined : body);
    return;
  }
  res.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    // nginx: pass each event on at once.
    'X-Accel-Buffering': 'no',
  });
  const send = (version: number | null) => res.write(`data: ${version ?? 'unknown'}\n\n`);
  send(content.current);
  const unsubscribe = content.subscribe(send);
  const heartbeat = setInterval(() => res.write(': \n\n'), HEARTBEAT_MS);
  streams.add(res);
  res.once('close', () => {
    unsubscribe();
    clearInterval(heartbeat);
    streams.delete(res);
  });
};
