// SIGKILL during a stream of writes: shared by process.test.ts (a few rounds) and
// crash-test.ts (`pnpm --filter @klimakommuner/api test:crash`, 20 rounds on each engine).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate, openDatabase, seed } from '@klimakommuner/db';
import { createAccount } from '../../src/access/accounts.ts';
import { createPostgresDatabase, type EngineName } from './databases.ts';
import { type ApiProcess, startApi, stopApi } from './processes.ts';

export const ADMIN = { email: 'admin@test.no', password: 'et-langt-testpassord-2026' };

/** A migrated, seeded database with one administrator; `env` points the API at it. */
export const prepareDatabase = async (
  engine: EngineName,
): Promise<{ env: Record<string, string>; dir?: string; dispose(): Promise<void> }> => {
  const prepare = async (config: { databaseUrl?: string; pgliteDir?: string }) => {
    const handle = await openDatabase(config);
    try {
      await migrate(handle.db);
      await seed(handle.db);
      await createAccount(handle.db, { ...ADMIN, name: 'admin', roles: [{ role: 'admin' }] }, null);
    } finally {
      await handle.close();
    }
  };
  if (engine === 'pglite') {
    const root = mkdtempSync(join(tmpdir(), 'kk-api-process-'));
    const dir = join(root, 'pglite');
    await prepare({ pgliteDir: dir });
    return {
      env: { PGLITE_DIR: dir },
      dir,
      dispose: async () => rmSync(root, { recursive: true, force: true }),
    };
  }
  const { url, drop } = await createPostgresDatabase();
  await prepare({ databaseUrl: url });
  return { env: { DATABASE_URL: url }, dispose: drop };
};

const json = { 'Content-Type': 'application/json' };

/** Signs the administrator in on a running API; the session token. */
export const signInAdmin = async (url: string, password = ADMIN.password): Promise<string> => {
  const response = await fetch(`${url}/trpc/auth.signIn`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ email: ADMIN.email, password }),
  });
  const body = (await response.json()) as { result?: { data?: { token?: string } } };
  const token = body.result?.data?.token;
  if (!token) throw new Error(`sign-in failed: ${JSON.stringify(body)}`);
  return token;
};

/** Creates a person named `name`; true once the API has answered that it did. */
const createPerson = async (url: string, token: string, name: string): Promise<boolean> => {
  const response = await fetch(`${url}/trpc/people.create`, {
    method: 'POST',
    headers: { ...json, Authorization: `Bearer ${token}` },
    body: JSON.stringify({ name, title: 'Krasjtest', consent: false }),
  });
  await response.arrayBuffer();
  return response.status === 200;
};

const peopleNames = async (url: string, token: string): Promise<Set<string>> => {
  const response = await fetch(`${url}/trpc/people.list`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  const body = (await response.json()) as { result: { data: { name: string }[] } };
  return new Set(body.result.data.map((person) => person.name));
};

export interface CrashReport {
  readonly rounds: number;
  /** Writes the API answered 200 to before it was killed. */
  readonly acknowledged: number;
  /** Acknowledged writes missing after the restart (must be none). */
  readonly lost: readonly string[];
  /** How long each start took, until the API listened (ms). */
  readonly startMs: readonly number[];
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/**
 * `rounds` times: start the API, check that every write acknowledged so far is there, stream
 * writes from `writers` concurrent clients, and SIGKILL the API 100–500 ms into the stream.
 * A last start checks the last round, then the API is stopped with SIGTERM.
 */
export const crashRounds = async (options: {
  rounds: number;
  env: Record<string, string>;
  writers?: number;
  onRound?: (round: number, acknowledged: number) => void;
}): Promise<CrashReport> => {
  const acknowledged: string[] = [];
  const lost: string[] = [];
  const startMs: number[] = [];
  for (let round = 0; round <= options.rounds; round++) {
    const started = performance.now();
    const api: ApiProcess = await startApi(options.env);
    startMs.push(performance.now() - started);
    try {
      const token = await signInAdmin(api.url);
      const names = await peopleNames(api.url, token);
      lost.push(...acknowledged.filter((name) => !names.has(name)));
      if (round === options.rounds) break;
      let killed = false;
      const writer = async (w: number) => {
        for (let i = 0; !killed; i++) {
          const name = `Krasj ${round}-${w}-${i}`;
          try {
            if (await createPerson(api.url, token, name)) acknowledged.push(name);
          } catch {
            return; // the connection died with the process
          }
        }
      };
      const before = acknowledged.length;
      const writers = Array.from({ length: options.writers ?? 4 }, (_, w) => writer(w));
      // Kill while writes are being acknowledged: after the first of this round (however long a
      // loaded machine takes to answer it, up to 30 s), at a random moment in the next 400 ms.
      for (const until = performance.now() + 30_000; acknowledged.length === before; ) {
        if (performance.now() > until) break;
        await sleep(10);
      }
      await sleep(Math.floor(Math.random() * 400));
      api.child.kill('SIGKILL');
      killed = true;
      await Promise.all(writers);
      await api.exited;
      options.onRound?.(round, acknowledged.length);
    } finally {
      await stopApi(api, 'SIGTERM');
    }
  }
  return { rounds: options.rounds, acknowledged: acknowledged.length, lost, startMs };
};
