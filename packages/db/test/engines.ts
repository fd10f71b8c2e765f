import { randomBytes } from 'node:crypto';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe } from 'vitest';
import { type DbHandle, migrate, openDatabase, seed } from '../src/index.ts';
import type { Database } from '../src/schema.ts';

export interface Engine {
  name: 'pglite' | 'postgres';
  /**
   * Opens a fresh, migrated and seeded database; `dispose` closes and removes it. `url` (for
   * PostgreSQL) lets a test open more connections, as another process would.
   */
  setup(): Promise<{ handle: DbHandle; url?: string; dispose(): Promise<void> }>;
}

const pglite: Engine = {
  name: 'pglite',
  async setup() {
    const handle = await openDatabase({ pgliteDir: 'memory://' });
    await migrate(handle.db);
    await seed(handle.db);
    return { handle, dispose: () => handle.close() };
  },
};

/** Each run gets its own database `kk_test_<random>`, created and dropped over the admin URL. */
const postgres = (adminUrl: string): Engine => ({
  name: 'postgres',
  async setup() {
    const name = `kk_test_${randomBytes(6).toString('hex')}`;
    const admin = async (statement: string) => {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        await client.query(statement);
      } finally {
        await client.end();
      }
    };
    await admin(`create database ${name}`);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    const handle = await openDatabase({ databaseUrl: url.toString() });
    await migrate(handle.db);
    await seed(handle.db);
    return {
      handle,
      url: url.toString(),
      async dispose() {
        await handle.close();
        await admin(`drop database if exists ${name} with (force)`);
      },
    };
  },
});

const testUrl = process.env.TEST_DATABASE_URL;
export const engines: Engine[] = testUrl ? [pglite, postgres(testUrl)] : [pglite];

/** The day every test pins as "today". */
export const TODAY = '2026-11-27';

/** What a suite may know of its database beyond the handle. */
export interface Fresh {
  readonly engine: Engine['name'];
  /** PostgreSQL's URL, so a test can open more connections as another process would. */
  readonly url: () => string | undefined;
}

/**
 * Runs `suite` once per engine, each time on a database of its own, freshly migrated and seeded:
 * a suite sets up what it needs and sees no other suite's writes, whatever order they run in.
 */
export const onEachEngine = (
  title: string,
  suite: (db: () => DbHandle, fresh: Fresh) => void,
): void =>
  describe.each(engines)(`${title}, on $name`, (engine) => {
    let opened: Awaited<ReturnType<Engine['setup']>> | undefined;
    beforeAll(async () => {
      opened = await engine.setup();
    });
    afterAll(() => opened?.dispose());
    const db = () => {
      if (!opened) throw new Error('The database did not open');
      return opened.handle;
    };
    suite(db, { engine: engine.name, url: () => opened?.url });
  });

/**
 * A Kysely over one plain connection to the PostgreSQL at `url`, without what openDatabase adds
 * (prepared reads): the same statements sent unprepared. `onNotice` hears the server's notices.
 */
export const plainPostgres = (
  url: string | undefined,
  onNotice?: (message: string) => void,
): Kysely<Database> => {
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  if (onNotice)
    pool.on('connect', (client) => client.on('notice', (n) => onNotice(n.message ?? '')));
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
};
