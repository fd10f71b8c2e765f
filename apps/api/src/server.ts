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
import { clientAddress, trustedProxiesFromEnv } from './auth/client-address.ts';
import { resolveAuth } from './auth/sessions.ts';
import { DomainError, logUnexpected } from './errors.ts';
import {
  bearerToken,
  hasJsonBody,
  isAnonymous,
  isReadMethod,
  securityHeaders,
  sendJson,
  withTimeout,
} from './http.ts';
import { createServices } from './lookups.ts';
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
  /** Runs after migrating (e.g. seeding demo editors in development). */
  readonly afterMigrate?: (db: DbHandle) => Promise<void>;
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
    await options.afterMigrate?.(handle);
  } catch (error) {
    await handle.close();
    throw error;
  }

  const now = options.now ?? (() => new Date());
  const trusted = options.trustedProxies ?? trustedProxiesFromEnv();
  const services = createServices(handle.db);
  const shared = { db: handle.db, today: options.today ?? (() => todayIso()), now, services };
  const trpc = createHTTPHandler({
    router: appRouter,
    basePath: '/trpc/',
    maxBodySize: MAX_BODY_BYTES,
    maxBatchSize: 50,
    createContext: ({ req }): Ctx => {
      let resolved: Promise<Auth> | undefined;
      const bearer = bearerToken(req);
      const agent = req.headers['user-agent'];
      return {
        ...shared,
        anonymous: isAnonymous(req),
        clientAddress: clientAddress(req, trusted),
        userAgent: typeof agent === 'string' ? agent : null,
        auth: () => {
          resolved ??= resolveAuth(handle.db, bearer, now());
          return resolved;
        },
      };
    },
    onError: ({ error, path }) => {
      if (error.code === 'INTERNAL_SERVER_ERROR') logUnexpected(path, error);
    },
    responseMeta: ({ ctx: requestCtx, type, errors }) => {
      const headers: Record<string, string> = {
        'Cache-Control':
          type === 'query' && errors.length === 0 && requestCtx?.anonymous
            ? 'public, max-age=60'
            : 'no-store',
      };
      const limited = errors.find((error) => error instanceof DomainError);
      const seconds = limited instanceof DomainError ? limited.data.retryAfterSeconds : undefined;
      if (seconds !== undefined) headers['Retry-After'] = String(seconds);
      return { headers };
    },
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
