import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  type DbConfig,
  type DbHandle,
  dbConfigFromEnv,
  migrate,
  openDatabase,
  ping,
  seed,
} from '@klimakommuner/db';
import { todayIso } from '@klimakommuner/domain';
import { createHTTPHandler } from '@trpc/server/adapters/standalone';
import { logUnexpected } from './errors.ts';
import { isAnonymous, securityHeaders, sendJson, withTimeout } from './http.ts';
import { appRouter } from './router.ts';
import type { Ctx } from './trpc.ts';

export interface StartServerOptions {
  readonly port: number;
  readonly host?: string;
  /** A database the caller opened (and migrated): the server uses it and leaves it open. */
  readonly db?: DbHandle;
  /** Where to open the database when `db` is not given; default `dbConfigFromEnv()`. */
  readonly dbConfig?: DbConfig;
  /** Pins "today" (`YYYY-MM-DD`) for tests; default the current day in Europe/Oslo. */
  readonly today?: () => string;
}

export interface RunningServer {
  /** e.g. `http://127.0.0.1:4000`, what `createApiClient` takes. */
  readonly url: string;
  readonly port: number;
  readonly engine: DbHandle['engine'];
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 1024 * 1024;
const READY_TIMEOUT_MS = 2000;

/** Starts the API; opens, migrates and seeds the database unless one is passed in. */
export const startServer = async (options: StartServerOptions): Promise<RunningServer> => {
  const owned = options.db === undefined;
  const handle = options.db ?? (await openDatabase(options.dbConfig ?? dbConfigFromEnv()));
  try {
    if (owned) {
      await migrate(handle.db);
      await seed(handle.db);
    }
  } catch (error) {
    await handle.close();
    throw error;
  }

  const ctx = { db: handle.db, today: options.today ?? (() => todayIso()) };
  const trpc = createHTTPHandler({
    router: appRouter,
    basePath: '/trpc/',
    maxBodySize: MAX_BODY_BYTES,
    maxBatchSize: 50,
    createContext: ({ req }): Ctx => ({ ...ctx, anonymous: isAnonymous(req) }),
    onError: ({ error, path }) => {
      if (error.code === 'INTERNAL_SERVER_ERROR') logUnexpected(path, error);
    },
    responseMeta: ({ ctx: requestCtx, type, errors }) =>
      type === 'query' && errors.length === 0 && requestCtx?.anonymous
        ? { headers: { 'Cache-Control': 'public, max-age=60' } }
        : { headers: { 'Cache-Control': 'no-store' } },
  });

  const ready = async (res: ServerResponse) => {
    try {
      await withTimeout(ping(handle.db), READY_TIMEOUT_MS);
      sendJson(res, 200, { status: 'ready' });
    } catch {
      sendJson(res, 503, { status: 'unavailable' });
    }
  };

  const listener = (req: IncomingMessage, res: ServerResponse) => {
    for (const [name, value] of Object.entries(securityHeaders)) res.setHeader(name, value);
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const read = req.method === 'GET' || req.method === 'HEAD';
    if (path === '/trpc' || path.startsWith('/trpc/')) {
      trpc(req, res);
    } else if (path === '/health' && read) sendJson(res, 200, { status: 'ok' });
    else if (path === '/ready' && read) void ready(res);
    else sendJson(res, 404, { error: { code: 'NOT_FOUND', message: 'Fant ikke siden.' } });
  };

  const server = createServer(listener);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '0.0.0.0', () => {
      server.off('error', reject);
      resolve();
    });
  }).catch(async (error: unknown) => {
    if (owned) await handle.close();
    throw error;
  });

  const { port } = server.address() as AddressInfo;
  const host = options.host && options.host !== '0.0.0.0' ? options.host : '127.0.0.1';
  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }).then(() => (owned ? handle.close() : undefined));
    return closing;
  };
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    engine: handle.engine,
    close,
  };
};
