import { createHash } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PGliteDialect, PostgresDialect } from 'kysely';
import pg from 'pg';
import { type DbConfig, MEMORY } from './config.ts';
import { acquireDirLock } from './lock.ts';
import type { Database } from './schema.ts';
import { statementCounter } from './statements.ts';

/** Calls for a NOTIFY channel; see `DbHandle.listen`. */
export interface ListenCallbacks {
  /** Each notification's payload, in the order they were committed. */
  readonly onPayload: (payload: string) => void;
  /**
   * True once the channel is listened to (again, after a lost connection), false when the
   * connection that listens is lost: notifications sent meanwhile are missed.
   */
  readonly onListening: (listening: boolean) => void;
}

export interface DbHandle {
  db: Kysely<Database>;
  /**
   * Where anonymous public reads may go: a read replica (`DATABASE_READ_URL`), which may lag
   * behind `db`; null when there is none (they read `db`).
   */
  replica: Kysely<Database> | null;
  engine: 'pglite' | 'postgres';
  /**
   * Listens to a NOTIFY channel: on PostgreSQL over a connection of its own (reconnecting when
   * it is lost, and checked every few seconds), so it hears every process; on PGlite in this
   * process. Resolves with a function that stops listening; `close` stops it too.
   */
  listen(channel: string, callbacks: ListenCallbacks): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

const DATE_OID = 1082;
const INT8_OID = 20;

// Both engines return the same JS values: `date` as 'YYYY-MM-DD' (a calendar day has no time
// zone, a JS Date would shift it), int8/count(*) as number, timestamptz as Date.
const pgTypes: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if (oid === DATE_OID) return (value: string) => value;
    if (oid === INT8_OID) return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format);
  }) as pg.CustomTypesConfig['getTypeParser'],
};

/**
 * How long a request waits for a connection (a new one, or a free one of the pool) before the
 * database counts as unreachable: short, so that an outage answers 503 within a second instead
 * of hanging; a healthy local or same-region server connects in milliseconds.
 */
export const CONNECT_TIMEOUT_MS = 750;

/** How often a listening connection proves it is alive, and how long it may take to answer. */
const LISTEN_CHECK_MS = 5_000;
const LISTEN_RETRY_MS = 500;

/** A dedicated connection that LISTENs, reconnecting (and saying so) whenever it is lost. */
const listenOver = (url: string, channel: string, callbacks: ListenCallbacks) => {
  let stopped = false;
  let current: pg.Client | null = null;
  let retry: NodeJS.Timeout | undefined;
  let check: NodeJS.Timeout | undefined;
  const lose = (client: pg.Client) => {
    if (current !== client) return;
    current = null;
    clearInterval(check);
    callbacks.onListening(false);
    client.end().catch(() => {});
    if (!stopped) retry = setTimeout(connect, LISTEN_RETRY_MS);
  };
  const connect = async () => {
    if (stopped) return;
    const client = new pg.Client({
      connectionString: url,
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
      keepAlive: true,
    });
    current = client;
    client.on('error', () => lose(client));
    client.on('end', () => lose(client));
    client.on('notification', (message) => {
      if (message.channel === channel && current === client) {
        callbacks.onPayload(message.payload ?? '');
      }
    });
    try {
      await client.connect();
      await client.query(`listen ${pg.escapeIdentifier(channel)}`);
    } catch {
      lose(client);
      return;
    }
    if (current !== client || stopped) {
      client.end().catch(() => {});
      return;
    }
    callbacks.onListening(true);
    // A cut network is noticed by a query that does not come back, not by TCP.
    check = setInterval(() => {
      const timer = setTimeout(() => lose(client), CONNECT_TIMEOUT_MS * 2);
      client.query('select 1').then(
        () => clearTimeout(timer),
        () => lose(client),
      );
    }, LISTEN_CHECK_MS);
    check.unref();
  };
  void connect();
  return async () => {
    stopped = true;
    clearTimeout(retry);
    clearInterval(check);
    const client = current;
    current = null;
    await client?.end().catch(() => {});
  };
};

/** How many statements one connection keeps prepared; later ones are planned each time. */
const PREPARED_PER_CONNECTION = 500;

/**
 * Whether a statement is prepared once per connection (named, so PostgreSQL keeps its parse and
 * may keep its plan) instead of being parsed and planned on every call: reads only, and nothing
 * that reads search_document or matches words (`@@`) unless it begins with GENERIC_PLAN — a
 * search's best plan depends on the words and filters (docs/decisions/0035); a generic plan made
 * the library's theme filter without words 39 ms instead of 6 — nor EXPLAIN. Planning a list's
 * statement cost about three times as long as running it.
 */
export const preparable = (text: string): boolean =>
  !/\b(insert|update|delete)\b/i.test(text) &&
  (text.startsWith(GENERIC_PLAN) ||
    (/^\s*(select|with)\b/i.test(text) &&
      !text.includes('@@') &&
      !text.includes('search_document')));

/**
 * Begins a read that is prepared although it searches: one whose plan its own text fixes and
 * whose every value is planIndependent, so that its custom plans cost what its generic plan costs
 * and PostgreSQL keeps the generic one after five calls (the signature walk, and a sparse search
 * without filters: docs/decisions/0046).
 */
export const GENERIC_PLAN = '/* generic plan */ ';

const names = new Map<string, string>();

/** A statement's name: the same text gets the same name on every connection. */
const statementName = (text: string): string => {
  let name = names.get(text);
  if (name === undefined) {
    name = `kk_${createHash('sha256').update(text).digest('base64url').slice(0, 40)}`;
    if (names.size >= PREPARED_PER_CONNECTION * 4) names.clear();
    names.set(text, name);
  }
  return name;
};

/**
 * Makes the client prepare the statements `preparable` picks (see there), up to
 * PREPARED_PER_CONNECTION distinct ones; any other call passes through unchanged.
 */
const prepareReads = (client: pg.PoolClient): void => {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  const prepared = new Set<string>();
  const named = (...args: unknown[]): unknown => {
    const [text, values] = args;
    if (
      typeof text !== 'string' ||
      !Array.isArray(values) ||
      args.length !== 2 ||
      !preparable(text)
    )
      return query(...args);
    const name = statementName(text);
    if (!prepared.has(name)) {
      if (prepared.size >= PREPARED_PER_CONNECTION) return query(...args);
      prepared.add(name);
    }
    return query({ name, text, values });
  };
  client.query = named as typeof client.query;
};

const openPool = (url: string): pg.Pool => {
  const pool = new pg.Pool({
    connectionString: url,
    types: pgTypes,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    // JIT compiling pays off for long analytical queries, never for a page's few milliseconds;
    // it cost the search hundreds of them (docs/decisions/0028).
    options: '-c jit=off',
    // Notices a silently dropped connection (a cut network) instead of waiting on it forever.
    keepAlive: true,
  });
  // An idle client losing its connection (a server restart) must not crash the process;
  // the pool replaces it and the next query reports any lasting failure.
  pool.on('error', (error) => console.error('PostgreSQL pool:', error.message));
  // node-postgres emits 'error' on a client whose connection drops; the pool listens only while
  // the client is idle, so a drop while a request holds it (a query or transaction under way)
  // would be an uncaught exception and end the process. The query itself still fails (and the
  // API answers 503); the pool discards the broken client when it is released.
  pool.on('connect', (client) => {
    client.on('error', () => {});
    prepareReads(client);
  });
  return pool;
};

const openPostgres = (url: string, readUrl: string | undefined): DbHandle => {
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool: openPool(url) }),
    plugins: [statementCounter],
  });
  const replica = readUrl
    ? new Kysely<Database>({
        dialect: new PostgresDialect({ pool: openPool(readUrl) }),
        plugins: [statementCounter],
      })
    : null;
  const listeners = new Set<() => Promise<void>>();
  return {
    db,
    replica,
    engine: 'postgres',
    listen: async (channel, callbacks) => {
      const stop = listenOver(url, channel, callbacks);
      listeners.add(stop);
      return () => {
        listeners.delete(stop);
        return stop();
      };
    },
    // Kysely's destroy() ends the pool.
    close: async () => {
      await Promise.all([...listeners].map((stop) => stop()));
      await Promise.all([db.destroy(), replica?.destroy()]);
    },
  };
};

const openPGlite = async (dir: string): Promise<DbHandle> => {
  const release = dir === MEMORY ? () => {} : acquireDirLock(dir);
  try {
    const pglite = new PGlite(dir, { parsers: { [DATE_OID]: (value: string) => value } });
    await pglite.waitReady;
    const db = new Kysely<Database>({
      dialect: new PGliteDialect({ pglite }),
      plugins: [statementCounter],
    });
    let closed = false;
    const close = async () => {
      if (closed) return;
      closed = true;
      try {
        await db.destroy();
        if (!pglite.closed) await pglite.close();
      } finally {
        release();
      }
    };
    // One process per data directory: a NOTIFY is heard in this process only, which is all there is.
    const listen = async (channel: string, callbacks: ListenCallbacks) => {
      const stop = await pglite.listen(channel, callbacks.onPayload);
      callbacks.onListening(true);
      return async () => {
        if (!pglite.closed) await stop().catch(() => {});
      };
    };
    return { db, replica: null, engine: 'pglite', listen, close };
  } catch (error) {
    release();
    throw error;
  }
};

/** PostgreSQL when `databaseUrl` is set, else the embedded PGlite in `pgliteDir`. */
export const openDatabase = async (config: DbConfig): Promise<DbHandle> => {
  if (config.databaseUrl) return openPostgres(config.databaseUrl, config.readUrl);
  if (!config.pgliteDir) throw new Error('openDatabase needs databaseUrl or pgliteDir');
  return openPGlite(config.pgliteDir);
};
