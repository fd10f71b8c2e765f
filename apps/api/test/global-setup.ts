import { migrate, openDatabase, seed } from '@klimakommuner/db';
import type { TestProject } from 'vitest/node';
import { startServer } from '../src/server.ts';

/** The day the tests run "on", so memberships and counts do not drift with the calendar. */
export const TODAY = '2026-01-15';

declare module 'vitest' {
  export interface ProvidedContext {
    apiUrl: string;
  }
}

// One in-memory PGlite and one real server for the whole run: starting PGlite (compiling
// its WASM) costs seconds, so the test files share it; they only read.
export default async function setup(project: TestProject) {
  const db = await openDatabase({ pgliteDir: 'memory://' });
  await migrate(db.db);
  await seed(db.db);
  const server = await startServer({ port: 0, host: '127.0.0.1', db, today: () => TODAY });
  project.provide('apiUrl', server.url);
  return async () => {
    await server.close();
    await db.close();
  };
}
