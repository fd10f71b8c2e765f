import { existsSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { openDatabase } from '@klimakommuner/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, crashRounds, prepareDatabase, signInAdmin } from './support/crash.ts';
import { TEST_DATABASE_URL } from './support/databases.ts';
import { startApi, stopApi } from './support/processes.ts';
import { mutationBatch, tally } from './support/raw.ts';

const TIMEOUT = 120_000;

// The API as `pnpm start` runs it, in a child process: stopped with SIGTERM, killed with SIGKILL,
// and two of them on one PostgreSQL. Each start costs a few seconds, so the rounds are few here;
// `pnpm --filter @klimakommuner/api test:crash` runs 20 on each engine.

/** PostgreSQL's control file says how the cluster was left: 1 shut down cleanly, 6 running. */
const clusterState = (dir: string): number =>
  readFileSync(`${dir}/global/pg_control`).readInt32LE(16);

/** The IPv4 addresses of this machine other than loopback. */
const externalAddresses = (): string[] =>
  Object.values(networkInterfaces())
    .flat()
    .flatMap((i) => (i && i.family === 'IPv4' && !i.internal ? [i.address] : []));

const refused = (url: string) =>
  new Promise<boolean>((done) => {
    const { hostname, port } = new URL(url);
    const socket = connect(Number(port), hostname);
    socket.once('connect', () => {
      socket.destroy();
      done(false);
    });
    socket.once('error', () => done(true));
  });

/**
 * Starts a POST of `body` to `url` but holds back its last bytes until `finish` is called, so
 * the server has the request (it is in flight) and cannot answer it yet.
 */
const holdPost = (url: string, body: string, headers: Record<string, string>) => {
  const bytes = Buffer.from(body);
  const req = request(url, {
    method: 'POST',
    headers: { ...headers, 'Content-Length': String(bytes.length) },
  });
  const answer = new Promise<{ status: number; body: string }>((done, fail) => {
    req.on('response', (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => {
        text += chunk.toString();
      });
      res.on('end', () => done({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', fail);
  });
  req.write(bytes.subarray(0, bytes.length - 10));
  return { answer, finish: () => req.end(bytes.subarray(bytes.length - 10)) };
};

describe('the API process on PGlite', () => {
  let database: Awaited<ReturnType<typeof prepareDatabase>>;
  beforeAll(async () => {
    database = await prepareDatabase('pglite');
  });
  afterAll(() => database?.dispose());

  it(
    'on SIGTERM takes no new request, finishes those in flight, closes PGlite cleanly and exits 0',
    async () => {
      const api = await startApi(database.env);
      const token = await signInAdmin(api.url);
      // A batch of sign-ins and writes whose last bytes are held back: the server has taken the
      // request (a quick request on another connection, answered, shows it) but cannot finish it.
      const calls = [
        ...Array.from({ length: 5 }, () => ['auth.signIn', { ...ADMIN }] as const),
        ...Array.from(
          { length: 10 },
          (_, i) =>
            ['people.create', { name: `Under stopp ${i}`, title: '', consent: false }] as const,
        ),
      ];
      const held = holdPost(
        `${api.url}/trpc/${calls.map(([path]) => path).join(',')}?batch=1`,
        JSON.stringify(Object.fromEntries(calls.map(([, input], i) => [String(i), input]))),
        { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      );
      expect((await fetch(`${api.url}/health`)).status).toBe(200);
      api.child.kill('SIGTERM');
      // New connections are refused while the held request is still open…
      while (!(await refused(api.url))) await new Promise((done) => setTimeout(done, 20));
      expect(api.child.exitCode).toBeNull();
      // …and that request, completed now, is answered in full.
      held.finish();
      const finished = await held.answer;
      expect(finished.status).toBe(200);
      const results = JSON.parse(finished.body) as { result?: { data?: unknown } }[];
      expect(results.filter((r) => r.result?.data !== undefined)).toHaveLength(15);
      expect(await api.exited).toEqual({ code: 0, signal: null });
      expect(api.output()).toContain('SIGTERM: shutting down');
      // Cleanly shut down (no recovery needed at the next start), the lock released.
      const dir = database.dir ?? '';
      expect(clusterState(dir)).toBe(1);
      expect(existsSync(`${dir}.lock`)).toBe(false);
      // Everything it wrote is there when the directory is opened again.
      const reopened = await openDatabase({ pgliteDir: dir });
      try {
        const sessions = await reopened.db
          .selectFrom('session as s')
          .innerJoin('app_user as u', 'u.id', 's.user_id')
          .select('s.id')
          .where('u.email', '=', ADMIN.email)
          .execute();
        const people = await reopened.db
          .selectFrom('person')
          .select('name')
          .where('name', 'like', 'Under stopp%')
          .execute();
        expect([sessions.length, people.length]).toEqual([6, 10]);
      } finally {
        await reopened.close();
      }
    },
    TIMEOUT,
  );

  it(
    'in development it listens on 127.0.0.1 only, unless HOST says otherwise',
    async () => {
      const api = await startApi({ ...database.env, NODE_ENV: 'development', HOST: '' });
      try {
        expect(api.output()).toContain('bound to 127.0.0.1');
        expect((await fetch(`${api.url}/health`)).status).toBe(200);
        // This machine's other addresses do not reach it.
        const port = new URL(api.url).port;
        for (const address of externalAddresses()) {
          expect(await refused(`http://${address}:${port}`)).toBe(true);
        }
      } finally {
        expect(await stopApi(api)).toEqual({ code: 0, signal: null });
      }
    },
    TIMEOUT,
  );

  it(
    'loses no acknowledged write when killed with SIGKILL while writing (1 round)',
    async () => {
      const report = await crashRounds({ rounds: 1, env: database.env });
      expect(report.acknowledged).toBeGreaterThan(0);
      expect(report.lost).toEqual([]);
    },
    TIMEOUT,
  );
});

describe.skipIf(TEST_DATABASE_URL === undefined)(
  'API processes on PostgreSQL (needs TEST_DATABASE_URL)',
  () => {
    let database: Awaited<ReturnType<typeof prepareDatabase>>;
    beforeAll(async () => {
      database = await prepareDatabase('postgres');
    });
    afterAll(() => database?.dispose());

    it(
      'loses no acknowledged write when killed with SIGKILL while writing (2 rounds)',
      async () => {
        const report = await crashRounds({ rounds: 2, env: database.env });
        expect(report.acknowledged).toBeGreaterThan(0);
        expect(report.lost).toEqual([]);
      },
      TIMEOUT,
    );

    it(
      'two processes behave as one: sessions and throttling are shared',
      async () => {
        const one = await startApi(database.env);
        const two = await startApi(database.env);
        try {
          const token = await signInAdmin(one.url);
          const me = (url: string) =>
            fetch(`${url}/trpc/auth.me`, { headers: { Authorization: `Bearer ${token}` } });
          expect((await me(two.url)).status).toBe(200);
          await fetch(`${two.url}/trpc/auth.signOut`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
            body: '{}',
          });
          expect((await me(one.url)).status).toBe(401);

          // Wrong passwords alternating between the processes count on one counter…
          const wrong = { email: ADMIN.email, password: 'et-helt-feil-passord' };
          const answers: string[] = [];
          for (let i = 0; i < 6; i++) {
            const [result] = await mutationBatch([one, two][i % 2]?.url ?? '', 'auth.signIn', [
              wrong,
            ]);
            answers.push(result?.code ?? 'none');
          }
          expect(answers).toEqual([...Array(5).fill('UNAUTHORIZED'), 'TOO_MANY_REQUESTS']);
          // …and the right one is refused by both until the lock ends.
          for (const api of [one, two]) {
            const [result] = await mutationBatch(api.url, 'auth.signIn', [{ ...ADMIN }]);
            expect(result?.code).toBe('TOO_MANY_REQUESTS');
          }
          // Batches sent to both at once check no more than the limit between them either.
          const other = { email: 'ukjent@test.no', password: 'et-helt-feil-passord' };
          const both = await Promise.all(
            [one, two].map((api) =>
              mutationBatch(
                api.url,
                'auth.signIn',
                Array.from({ length: 10 }, () => other),
              ),
            ),
          );
          expect(tally(both.flat())).toEqual({ UNAUTHORIZED: 5, TOO_MANY_REQUESTS: 15 });
        } finally {
          await Promise.all([stopApi(one), stopApi(two)]);
        }
      },
      TIMEOUT,
    );
  },
);
