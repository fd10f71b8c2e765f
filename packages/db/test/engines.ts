import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type DbHandle, migrate, openDatabase, seed } from '../src/index.ts';

export interface Engine {
  name: 'pglite' | 'postgres';
  /** Opens a fresh, migrated and seeded database; `dispose` closes and removes it. */
  setup(): Promise<{ handle: DbHandle; dispose(): Promise<void> }>;
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
