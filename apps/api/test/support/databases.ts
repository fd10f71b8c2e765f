import { randomBytes } from 'node:crypto';
import { type DbHandle, migrate, openDatabase } from '@klimakommuner/db';
import pg from 'pg';

/** PostgreSQL for the tests that need it (`TEST_DATABASE_URL`, an admin connection). */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL?.trim() || undefined;

export type EngineName = 'pglite' | 'postgres';
/** The engines a test runs on: PGlite always, PostgreSQL when TEST_DATABASE_URL is set. */
export const ENGINES: readonly EngineName[] = TEST_DATABASE_URL
  ? ['pglite', 'postgres']
  : ['pglite'];

const admin = async (statement: string): Promise<void> => {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
};

/** A fresh PostgreSQL database `kk_test_<random>` of the test's own; `drop` removes it. */
export const createPostgresDatabase = async (): Promise<{
  url: string;
  drop(): Promise<void>;
}> => {
  if (TEST_DATABASE_URL === undefined) throw new Error('TEST_DATABASE_URL is not set');
  const name = `kk_test_${randomBytes(6).toString('hex')}`;
  await admin(`create database ${name}`);
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`drop database if exists ${name} with (force)`) };
};

/** A migrated (not seeded) database on the engine; `dispose` closes and removes it. */
export const openTestDatabase = async (
  engine: EngineName,
): Promise<{ handle: DbHandle; url?: string; dispose(): Promise<void> }> => {
  if (engine === 'pglite') {
    const handle = await openDatabase({ pgliteDir: 'memory://' });
    await migrate(handle.db);
    return { handle, dispose: () => handle.close() };
  }
  const { url, drop } = await createPostgresDatabase();
  const handle = await openDatabase({ databaseUrl: url });
  await migrate(handle.db);
  return {
    handle,
    url,
    async dispose() {
      await handle.close();
      await drop();
    },
  };
};
