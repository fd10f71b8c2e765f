import { PGlite } from '@electric-sql/pglite';
import { Kysely, PGliteDialect, PostgresDialect } from 'kysely';
import pg from 'pg';
import { type DbConfig, MEMORY } from './config.ts';
import { acquireDirLock } from './lock.ts';
import type { Database } from './schema.ts';

export interface DbHandle {
  db: Kysely<Database>;
  engine: 'pglite' | 'postgres';
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

const openPostgres = (url: string): DbHandle => {
  const pool = new pg.Pool({ connectionString: url, types: pgTypes });
  // An idle client losing its connection (a server restart) must not crash the process;
  // the pool replaces it and the next query reports any lasting failure.
  pool.on('error', (error) => console.error('PostgreSQL pool:', error.message));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  // Kysely's destroy() ends the pool.
  return { db, engine: 'postgres', close: () => db.destroy() };
};

const openPGlite = async (dir: string): Promise<DbHandle> => {
  const release = dir === MEMORY ? () => {} : acquireDirLock(dir);
  try {
    const pglite = new PGlite(dir, { parsers: { [DATE_OID]: (value: string) => value } });
    await pglite.waitReady;
    const db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite }) });
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
    return { db, engine: 'pglite', close };
  } catch (error) {
    release();
    throw error;
  }
};

/** PostgreSQL when `databaseUrl` is set, else the embedded PGlite in `pgliteDir`. */
export const openDatabase = async (config: DbConfig): Promise<DbHandle> => {
  if (config.databaseUrl) return openPostgres(config.databaseUrl);
  if (!config.pgliteDir) throw new Error('openDatabase needs databaseUrl or pgliteDir');
  return openPGlite(config.pgliteDir);
};
