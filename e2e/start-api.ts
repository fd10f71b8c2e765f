// Starts the API for the browser tests on a fresh database of its own, with the test accounts
// created first through `users:create`, the command the README documents, and the marked demo
// participations through `db:seed --demo` (the pages must mark them). Production mode: no demo
// users, so every account here is one the tests made.
//
// The database: with TEST_DATABASE_URL (an admin connection to a PostgreSQL server, as .ci/run
// sets it), a new database `kk_e2e_<random>` on that server, dropped when the API stops; without
// it, embedded PGlite in a temporary folder, removed when the API stops. playwright.config.ts
// stops this script with SIGTERM so that it can clean up.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { accounts } from './accounts.ts';

const apiDir = resolve(import.meta.dirname, '..', 'apps', 'api');
const dbDir = resolve(import.meta.dirname, '..', 'packages', 'db');

/** Runs one statement over the admin connection (CREATE and DROP DATABASE take no transaction). */
const onServer = async (adminUrl: string, statement: string): Promise<void> => {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
};

interface Database {
  /** DATABASE_URL or PGLITE_DIR for the API and the commands. */
  readonly env: Readonly<Record<string, string>>;
  readonly describe: string;
  remove(): Promise<void>;
}

const postgres = async (adminUrl: string): Promise<Database> => {
  const name = `kk_e2e_${randomBytes(6).toString('hex')}`;
  await onServer(adminUrl, `create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    env: { DATABASE_URL: url.toString() },
    describe: `PostgreSQL database ${name}`,
    remove: () => onServer(adminUrl, `drop database if exists ${name} with (force)`),
  };
};

const pglite = (): Database => {
  const dataDir = mkdtempSync(join(tmpdir(), 'kk-e2e-'));
  return {
    env: { PGLITE_DIR: join(dataDir, 'pglite') },
    describe: `PGlite in ${dataDir}`,
    remove: async () => rmSync(dataDir, { recursive: true, force: true }),
  };
};

const adminUrl = process.env.TEST_DATABASE_URL?.trim();
const database = adminUrl ? await postgres(adminUrl) : pglite();
console.log(`Browser tests: ${database.describe}`);
const { DATABASE_URL: _url, PGLITE_DIR: _dir, ...inherited } = process.env;
const env = { ...inherited, NODE_ENV: 'production', ...database.env };

const fail = async (message: string): Promise<never> => {
  console.error(message);
  await database.remove();
  process.exit(1);
};

for (const account of Object.values(accounts)) {
  const args = ['src/cli/users-create.ts', '--email', account.email, '--name', account.name];
  args.push('--role', account.role);
  if (account.organisation) args.push('--organisation', account.organisation);
  const created = spawnSync(process.execPath, args, {
    cwd: apiDir,
    env: { ...env, KK_PASSWORD: account.password },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (created.status !== 0) await fail(`users:create failed for ${account.email}`);
}

const seeded = spawnSync(process.execPath, ['src/cli/seed.ts', '--demo'], {
  cwd: dbDir,
  env,
  stdio: ['ignore', 'inherit', 'inherit'],
});
if (seeded.status !== 0) await fail('db:seed --demo failed');

const api = spawn(process.execPath, ['src/main.ts'], { cwd: apiDir, env, stdio: 'inherit' });
// Playwright signals the whole process group, so the API has its own SIGTERM and drains; a
// signal to this script alone is passed on after a moment (a second one would stop it at once).
const stop = () => {
  setTimeout(() => {
    if (api.exitCode === null) api.kill('SIGTERM');
  }, 2_000).unref();
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
api.on('exit', async (code) => {
  await database.remove();
  process.exit(code ?? 0);
});
