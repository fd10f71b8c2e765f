import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seed } from '@klimakommuner/db';
import type { Role } from '@klimakommuner/domain';
import { localStorage } from '@klimakommuner/files';
import type { TestProject } from 'vitest/node';
import { createAccount } from '../src/access/accounts.ts';
import { startServer } from '../src/server.ts';
import { openTestDatabase } from './support/databases.ts';

/** The day the tests run "on", so memberships and counts do not drift with the calendar. */
export const TODAY = '2026-01-15';
export const PASSWORD = 'et-langt-testpassord-2026';
export const A = 'kommunenettverk-for-klimaomstilling';
export const B = 'ken';

export const TEST_USERS: Readonly<Record<string, { email: string; roles: Role[] }>> = {
  admin: { email: 'admin@test.no', roles: [{ role: 'admin' }] },
  editorA: { email: 'redaktor-a@test.no', roles: [{ role: 'editor', organisation: A }] },
  contributorA: { email: 'bidrag-a@test.no', roles: [{ role: 'contributor', organisation: A }] },
  editorB: { email: 'redaktor-b@test.no', roles: [{ role: 'editor', organisation: B }] },
};

declare module 'vitest' {
  export interface ProvidedContext {
    apiUrl: string;
    /** A second server on the same database whose clock is `Date.now()` + the ms in clockFile. */
    clockUrl: string;
    clockFile: string;
    /** Where both servers keep uploaded files (a temporary directory). */
    filesDir: string;
    /** The process the servers run in (to see which files it holds open). */
    serverPid: number;
  }
}

// One database and one real server for all the files of a project (vitest.config.ts): an
// in-memory PGlite for 'pglite' (starting one costs seconds, so the files share it), a freshly
// created PostgreSQL database for 'postgres'. Tests that write use their own records or put back
// what they change.
export default async function setup(project: TestProject) {
  const database = await openTestDatabase(project.name === 'postgres' ? 'postgres' : 'pglite');
  const db = database.handle;
  await seed(db.db);
  for (const [name, user] of Object.entries(TEST_USERS)) {
    await createAccount(db.db, { ...user, name, password: PASSWORD }, null);
  }
  const dir = mkdtempSync(join(tmpdir(), 'kk-clock-'));
  const clockFile = join(dir, 'offset');
  writeFileSync(clockFile, '0');
  const offset = () => Number(readFileSync(clockFile, 'utf8')) || 0;
  const filesDir = join(dir, 'files');
  const storage = localStorage(filesDir);
  const server = await startServer({
    port: 0,
    host: '127.0.0.1',
    db,
    today: () => TODAY,
    storage,
  });
  const clocked = await startServer({
    port: 0,
    host: '127.0.0.1',
    db,
    today: () => TODAY,
    now: () => new Date(Date.now() + offset()),
    storage,
  });
  project.provide('apiUrl', server.url);
  project.provide('clockUrl', clocked.url);
  project.provide('clockFile', clockFile);
  project.provide('filesDir', filesDir);
  project.provide('serverPid', process.pid);
  return async () => {
    await server.close();
    await clocked.close();
    await database.dispose();
    rmSync(dir, { recursive: true, force: true });
  };
}
