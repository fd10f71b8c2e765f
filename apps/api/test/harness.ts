import { type DbHandle, migrate, openDatabase, seed } from '@klimakommuner/db';
import { afterAll, beforeAll } from 'vitest';
import { type ApiClient, createApiClient } from '../src/client.ts';
import { type RunningServer, startServer } from '../src/server.ts';

/** The day the tests run "on", so memberships and counts do not drift with the calendar. */
export const TODAY = '2026-01-15';

export interface Harness {
  readonly url: string;
  readonly api: ApiClient;
  readonly db: DbHandle;
}

/** A real API server on a free port over a fresh in-memory PGlite, once per test file. */
export const useServer = (): Harness => {
  let server: RunningServer | undefined;
  let db: DbHandle | undefined;
  const harness = {} as { url: string; api: ApiClient; db: DbHandle };
  beforeAll(async () => {
    db = await openDatabase({ pgliteDir: 'memory://' });
    await migrate(db.db);
    await seed(db.db);
    server = await startServer({ port: 0, host: '127.0.0.1', db, today: () => TODAY });
    harness.url = server.url;
    harness.api = createApiClient(server.url);
    harness.db = db;
  });
  afterAll(async () => {
    await server?.close();
    await db?.close();
  });
  return harness;
};

/** Runs `call` and returns what it threw; fails the test when it did not throw. */
export const rejection = async (call: () => Promise<unknown>): Promise<unknown> => {
  try {
    await call();
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail');
};
