import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  contentVersionOf,
  type DbConfig,
  type DbHandle,
  dbConfigFromEnv,
  isDatabaseUnavailable,
  keepMunicipalityToday,
  migrate,
  nextPublication,
  openDatabase,
  ping,
  seed,
} from '@klimakommuner/db';
import { todayIso } from '@klimakommuner/domain';
import { filesConfigFromEnv, openStorage, type Storage } from '@klimakommuner/files';
import { type AnyTRPCRouter, TRPCError } from '@trpc/server';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { incomingMessageToRequest } from '@trpc/server/adapters/node-http';
import { createHTTPHandler } from '@trpc/server/adapters/standalone';
import type { ResponseMetaFn } from '@trpc/server/http';
import type { VerifyPassword } from './access/attempts.ts';
import { clientAddress, trustedProxiesFromEnv } from './access/client-address.ts';
import { createServices } from './access/lookups.ts';
import { verifyPassword } from './access/secrets.ts';
import { resolveAuth } from './access/sessions.ts';
import { readRouter } from './cache/reads.ts';
import {
  CONTENT_UNTIL_HEADER,
  CONTENT_VERSION_HEADER,
  cacheEnabled,
  NO_STORE,
  PRIVATE_CACHE_CONTROL,
  PUBLIC_CACHE_CONTROL,
  ResponseCache,
  type StoredResponse,
  strongEtag,
} from './cache/responses.ts';
import { sendStored, serveContentVersion } from './cache/serve.ts';
import { drainable } from './drain.ts';
import {
  DomainError,
  GENERIC_MESSAGE,
  logUnavailable,
  logUnexpected,
  MAX_BATCH_CALLS,
  MAX_BODY_BYTES,
  UNAVAILABLE_MESSAGE,
  UNAVAILABLE_RETRY_SECONDS,
} from './errors.ts';
import {
  bearerToken,
  hasJsonBody,
  isAnonymous,
  isReadMethod,
  securityHeaders,
  sendJson,
  withTimeout,
} from './http.ts';
import { type FileRoutes, serveStoredFile, uploadFile } from './resource/files.ts';
import { appRouter } from './router.ts';
import type { Auth, Ctx } from './trpc.ts';

export interface StartServerOptions {
  readonly port: number;
  readonly host?: string;
  /** A database the caller opened (and migrated): the server uses it and leaves it open. */
  readonly db?: DbHandle;
  /** Where to open the database when `db` is not given; default `dbConfigFromEnv()`. */
  readonly dbConfig?: DbConfig;
  /** Pins "today" (`YYYY-MM-DD`) for tests; default the current day in Europe/Oslo. */
  readonly today?: () => string;
  /** The clock for sessions, throttling and publication; default the system clock. */
  readonly now?: () => Date;
  /** Peers whose `X-Forwarded-For` is believed; default `TRUSTED_PROXIES` from the env. */
  readonly trustedProxies?: ReadonlySet<string>;
  /** Checks passwords against their hashes; default argon2id (tests pass a counting one). */
  readonly verifyPassword?: VerifyPassword;
  /** Runs after migrating (e.g. seeding demo editors in development). */
  readonly afterMigrate?: (db: DbHandle, storage: Storage) => Promise<void>;
  /** Where uploaded files live; default `openStorage(filesConfigFromEnv())` (FILES_DIR or S3). */
  readonly storage?: Storage;
  /**
   * Whether anonymous public reads are cached (in this process, and by browsers and proxies
   * through Cache-Control and ETag); default: unless `CACHE=off`.
   */
  readonly cache?: boolean;
}

export interface RunningServer {
  /** e.g. `http://127.0.0.1:4000`, what `createApiClient` takes. */
  readonly url: string;
  readonly port: number;
  readonly engine: DbHandle['engine'];
  /**
   * Stops taking requests, lets those in flight finish (at most `graceMs`, default 10 s), then
   * closes the database if the server opened it (PGlite writes everything and shuts down cleanly).
   */
  close(graceMs?: number): Promise<void>;
}

/** How long a start waits to learn the content version before serving without the cache. */
const CONTENT_READY_MS = 2_000;
// Below a second, so that /ready answers within one even when the database does not.
const READY_TIMEOUT_MS = 900;

/** Starts the API; opens, migrates and seeds the database unless one is passed in. */
export const startServer = async (options: StartServerOptions): Promise<RunningServer> => {
  const owned = options.db === undefined;
  const storage = options.storage ?? openStorage(filesConfigFromEnv());
  const handle = options.db ?? (await openDatabase(options.dbConfig ?? dbConfigFromEnv()));
  try {
    if (owned) {
      await migrate(handle.db);
      await seed(handle.db);
    }
    await options.afterMigrate?.(handle, storage);
  } catch (error) {
    await handle.close();
    throw error;
  }

  const now = options.now ?? (() => new Date());
  const today = options.today ?? (() => todayIso());
  const trusted = options.trustedProxies ?? trustedProxiesFromEnv();
  const services = createServices(handle.db);
  // What this process knows of the content version (shared by every server on the handle); the
  // response cache drops everything when it changes, and anonymous reads go to the replica only
  // once it has caught up with it.
  const content = contentVersionOf(handle);
  // Known within milliseconds normally; a database that does not answer leaves it unknown (no
  // caching) rather than holding up the start.
  await Promise.race([
    content.ready,
    new Promise((resolve) => setTimeout(resolve, CONTENT_READY_MS).unref()),
  ]);
  // municipality_today, which the municipality reads take while it holds (decision 0043).
  const municipalities = keepMunicipalityToday(handle, today);
  const caching = options.cache ?? cacheEnabled();
  const cache = caching
    ? new ResponseCache({
        content,
        today,
        now,
        nextPublication: (at) => nextPublication(handle.db, at),
      })
    : null;
  const reads = readRouter(handle.db, handle.replica);
  const streams = new Set<ServerResponse>();
  const shared = {
    today,
    now,
    services,
    verifyPassword: options.verifyPassword ?? verifyPassword,
    // After a mutation: this process's caches drop what it changed before the answer goes out,
    // without waiting for the notification (which tells the other processes).
    contentWritten: () =>
      content.refresh().then(
        () => undefined,
        () => undefined,
      ),
  };
  const contextFor = (req: IncomingMessage, db: DbHandle['db']): Ctx => {
    let resolved: Promise<Auth> | undefined;
    const bearer = bearerToken(req);
    const agent = req.headers['user-agent'];
    return {
      ...shared,
      db,
      anonymous: isAnonymous(req),
      clientAddress: clientAddress(req, trusted),
      userAgent: typeof agent === 'string' ? agent : null,
      auth: () => {
        resolved ??= resolveAuth(handle.db, bearer, now());
        return resolved;
      },
    };
  };
  const onError = ({ error, path }: { error: TRPCError; path?: string | undefined }) => {
    if (error.code === 'INTERNAL_SERVER_ERROR') logUnexpected(path, error);
    if (error.code === 'SERVICE_UNAVAILABLE') logUnavailable(error);
  };
  const responseMeta: ResponseMetaFn<AnyTRPCRouter> = ({ ctx: requestCtx, type, errors }) => {
    const anonymous = (requestCtx as Ctx | undefined)?.anonymous ?? true;
    const headers: Record<string, string> = {
      // Editors' answers are personal; errors and anonymous writes are never stored; anonymous
      // reads get theirs when they are sent (sendStored).
      'Cache-Control': !anonymous
        ? PRIVATE_CACHE_CONTROL
        : type === 'query' && errors.length === 0 && caching
          ? PUBLIC_CACHE_CONTROL
          : NO_STORE,
    };
    if (content.current !== null) headers[CONTENT_VERSION_HEADER] = String(content.current);
    // The longest wait any call of the batch asks for (throttling, an unreachable database).
    const waits = errors.flatMap((error) =>
      error instanceof DomainError && error.data.retryAfterSeconds !== undefined
        ? [error.data.retryAfterSeconds]
        : [],
    );
    if (waits.length > 0) headers['Retry-After'] = String(Math.max(...waits));
    return { headers };
  };
  const trpc = createHTTPHandler({
    router: appRouter,
    basePath: '/trpc/',
    maxBodySize: MAX_BODY_BYTES,
    maxBatchSize: MAX_BATCH_CALLS,
    createContext: ({ req }): Ctx => contextFor(req, handle.db),
    onError,
    responseMeta,
  });

  /**
   * An anonymous GET: from the cache when it holds the answer, else read (from the replica once
   * it has caught up) and kept when it succeeded and nothing was invalidated meanwhile. Sent whole,
   * with a strong ETag (304 for `If-None-Match`).
   */
  const publicRead = async (req: IncomingMessage, res: ServerResponse) => {
    const key = req.url ?? '/';
    const hit = cache?.get(key);
    if (hit !== undefined) {
      sendStored(req, res, hit, PUBLIC_CACHE_CONTROL, 'hit');
      return;
    }
    const fill = cache?.begin() ?? null;
    const version = fill?.version ?? content.current;
    try {
      const db = await reads.forVersion(version);
      const response = await fetchRequestHandler({
        endpoint: '/trpc',
        req: incomingMessageToRequest(req, res, { maxBodySize: MAX_BODY_BYTES }),
        router: appRouter,
        maxBatchSize: MAX_BATCH_CALLS,
        createContext: () => contextFor(req, db),
        onError,
        responseMeta,
      });
      const body = Buffer.from(await response.arrayBuffer());
      const headers: Record<string, string> = {};
      response.headers.forEach((value, name) => {
        if (name !== 'cache-control' && name !== 'content-length' && name !== 'x-content-version') {
          headers[name] = value;
        }
      });
      const ok = response.status === 200;
      const until = fill === null ? null : (cache?.until ?? null);
      if (until !== null) headers[CONTENT_UNTIL_HEADER] = until;
      const stored: StoredResponse = {
        status: response.status,
        headers,
        body,
        etag: ok ? strongEtag(body) : null,
        version,
      };
      if (ok && fill !== null) cache?.set(key, fill, stored);
      sendStored(req, res, stored, ok && caching ? PUBLIC_CACHE_CONTROL : NO_STORE, 'miss');
    } catch (error) {
      logUnexpected(
        'public read',
        new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: GENERIC_MESSAGE, cause: error }),
      );
      if (!res.headersSent) {
        sendJson(res, 500, { error: { code: 'INTERNAL_SERVER_ERROR', message: GENERIC_MESSAGE } });
      } else res.end();
    }
  };

  const files: FileRoutes = {
    db: handle.db,
    storage,
    now,
    services,
    clientAddress: (req) => clientAddress(req, trusted),
  };
  /** A file route's failure: 503 when the database is out, else a logged 500 without details. */
  const failed = (res: ServerResponse) => (error: unknown) => {
    if (res.headersSent) {
      res.destroy();
      return;
    }
    if (isDatabaseUnavailable(error)) {
      unavailable(res, 'unavailable');
      return;
    }
    console.error('[api] file route failed:', error instanceof Error ? error.message : error);
    res.setHeader('Connection', 'close');
    sendJson(res, 500, { error: { code: 'INTERNAL_SERVER_ERROR', message: GENERIC_MESSAGE } });
  };

  const unavailable = (res: ServerResponse, status: string) => {
    res.setHeader('Retry-After', String(UNAVAILABLE_RETRY_SECONDS));
    sendJson(res, 503, {
      status,
      error: { code: 'SERVICE_UNAVAILABLE', message: UNAVAILABLE_MESSAGE },
    });
  };
  const ready = async (res: ServerResponse) => {
    try {
      await withTimeout(ping(handle.db), READY_TIMEOUT_MS);
      sendJson(res, 200, { status: 'ready' });
    } catch {
      unavailable(res, 'unavailable');
    }
  };

  const listener = (req: IncomingMessage, res: ServerResponse) => {
    for (const [name, value] of Object.entries(securityHeaders)) res.setHeader(name, value);
    if (drain.draining) {
      // Stopping: a request that still arrives on an open connection is not taken.
      req.resume();
      res.setHeader('Connection', 'close');
      unavailable(res, 'stopping');
      return;
    }
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const read = req.method === 'GET' || req.method === 'HEAD';
    if (path === '/trpc' || path.startsWith('/trpc/')) {
      // Mutations only as JSON, checked before tRPC reads the body: a form or text/plain POST
      // (which a browser sends cross-site without asking) never reaches a procedure.
      if (!isReadMethod(req.method) && !hasJsonBody(req)) {
        req.resume();
        sendJson(res, 415, {
          error: {
            code: 'UNSUPPORTED_MEDIA_TYPE',
            message: 'Endringer må sendes som JSON (Content-Type: application/json).',
          },
        });
        return;
      }
      // Anonymous reads (the public's) go through the cache; a streamed (jsonl) answer does not.
      if (req.method === 'GET' && isAnonymous(req) && req.headers['trpc-accept'] === undefined) {
        void publicRead(req, res);
      } else trpc(req, res);
    } else if (path === '/content-version' && read) serveContentVersion(req, res, content, streams);
    else if (path === '/files' && req.method === 'POST')
      uploadFile(req, res, files).catch(failed(res));
    else if (path.startsWith('/files/') && read)
      serveStoredFile(req, res, path, files).catch(failed(res));
    else if (path === '/health' && read) sendJson(res, 200, { status: 'ok' });
    else if (path === '/ready' && read) void ready(res);
    else sendJson(res, 404, { error: { code: 'NOT_FOUND', message: 'Fant ikke siden.' } });
  };

  const server = createServer(listener);
  const drain = drainable(server);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '0.0.0.0', () => {
      server.off('error', reject);
      resolve();
    });
  }).catch(async (error: unknown) => {
    municipalities.stop();
    await municipalities.settled();
    if (owned) await handle.close();
    throw error;
  });

  const { port } = server.address() as AddressInfo;
  const host = options.host && options.host !== '0.0.0.0' ? options.host : '127.0.0.1';
  let closing: Promise<void> | undefined;
  const close = (graceMs?: number) => {
    // Version streams stay open for ever: they end first, so the drain does not wait on them.
    for (const stream of streams) stream.end();
    cache?.close();
    municipalities.stop();
    closing ??= drain
      .close(graceMs)
      .then(() => municipalities.settled())
      .then(() => (owned ? handle.close() : undefined));
    return closing;
  };
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    engine: handle.engine,
    close,
  };
};
