import type { Kysely } from 'kysely';
import { openDatabase } from '../client.ts';
import { dbConfigFromEnv } from '../config.ts';
import { DatabaseLockedError } from '../lock.ts';
import type { Database } from '../schema.ts';

/** Opens the configured database, runs `task`, prints its one-line summary, closes. */
export const runCli = async (task: (db: Kysely<Database>) => Promise<string>): Promise<void> => {
  const config = dbConfigFromEnv();
  let handle: Awaited<ReturnType<typeof openDatabase>> | undefined;
  try {
    handle = await openDatabase(config);
    const where = config.databaseUrl ? 'PostgreSQL' : `PGlite at ${config.pgliteDir}`;
    console.log(`${await task(handle.db)} (${where})`);
  } catch (error) {
    if (error instanceof DatabaseLockedError) {
      console.error(error.message);
    } else {
      console.error(error);
    }
    process.exitCode = 1;
  } finally {
    await handle?.close();
  }
};
