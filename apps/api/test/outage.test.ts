import { openDatabase } from '@klimakommuner/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../src/access/accounts.ts';
import { appRouter } from '../src/router.ts';
import { type RunningServer, startServer } from '../src/server.ts';
import { PASSWORD } from './global-setup.ts';
import { createPostgresDatabase, TEST_DATABASE_URL } from './support/databases.ts';
import { startTcpProxy, type TcpProxy } from './support/tcp-proxy.ts';

const procedures = appRouter._def.procedures as unknown as Record<
  string,
  { _def: { type: 'query' | 'mutation'; meta?: { access?: unknown } } }
>;

/** A valid input for each public procedure (the others are refused or answered before input). */
const PUBLIC_INPUTS: Readonly<Record<string, unknown>> = {
  'articles.feed': undefined,
  'articles.filters': undefined,
  'articles.get': { slug: 'en-artikkel' },
  'articles.latest': undefined,
  'articles.list': undefined,
  'auth.signIn': { email: 'admin@test.no', password: PASSWORD },
  'counties.list': undefined,
  'events.calendar': undefined,
  'events.filters': undefined,
  'events.get': { slug: 'et-arrangement' },
  'events.list': undefined,
  'municipalities.get': { slug: 'oslo' },
  'municipalities.list': undefined,
  'organisations.get': { slug: 'ken' },
  'organisations.list': undefined,
  'participations.matrix': { organisation: 'ken' },
  'projects.get': { slug: 'et-prosjekt' },
  'projects.list': undefined,
  'regions.get': { slug: 'hallingdal' },
  'regions.list': undefined,
  'related.get': { organisation: 'ken', resources: 3, articles: 3, events: 3 },
  'resources.get': { slug: 'en-ressurs' },
  'resources.list': undefined,
  'search.site': { q: 'klima' },
  'search.sitemap': undefined,
  'themes.get': { slug: 'mobilitet' },
  'themes.list': undefined,
};

/** Calls one procedure over plain HTTP, as any client would; the status, headers and body. */
const call = async (url: string, path: string, token: string | null) => {
  const procedure = procedures[path];
  const input = PUBLIC_INPUTS[path];
  const query = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`;
  const mutation = procedure?._def.type === 'mutation';
  const started = performance.now();
  const response = await fetch(`${url}/trpc/${path}${mutation ? '' : query}`, {
    method: mutation ? 'POST' : 'GET',
    headers: {
      ...(mutation ? { 'Content-Type': 'application/json' } : {}),
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
    ...(mutation ? { body: JSON.stringify(input ?? {}) } : {}),
    signal: AbortSignal.timeout(5000),
  });
  const body = await response.text();
  return {
    status: response.status,
    retryAfter: response.headers.get('retry-after'),
    body,
    ms: performance.now() - started,
  };
};

// The database is taken away by cutting a TCP proxy between the API and PostgreSQL (the
// machine's server itself keeps running); PGlite lives in the API's process and cannot stop.
describe.skipIf(TEST_DATABASE_URL === undefined)(
  'with PostgreSQL unreachable (needs TEST_DATABASE_URL)',
  () => {
    let database: { url: string; drop(): Promise<void> };
    let proxy: TcpProxy;
    let server: RunningServer;
    let token: string;

    beforeAll(async () => {
      database = await createPostgresDatabase();
      const direct = new URL(database.url);
      proxy = await startTcpProxy({ host: direct.hostname, port: Number(direct.port || 5432) });
      const viaProxy = new URL(database.url);
      viaProxy.host = `127.0.0.1:${proxy.port}`;
      server = await startServer({
        port: 0,
        host: '127.0.0.1',
        dbConfig: { databaseUrl: viaProxy.toString() },
      });
      const handle = await openDatabase({ databaseUrl: database.url });
      try {
        await createAccount(
          handle.db,
          { email: 'admin@test.no', name: 'admin', password: PASSWORD, roles: [{ role: 'admin' }] },
          null,
        );
      } finally {
        await handle.close();
      }
      const signedIn = await call(server.url, 'auth.signIn', null);
      token = (JSON.parse(signedIn.body) as { result: { data: { token: string } } }).result.data
        .token;
    });
    afterAll(async () => {
      await server?.close();
      await proxy?.close();
      await database?.drop();
    });

    it('survives a connection dropping while a request holds it', async () => {
      const viaProxy = new URL(database.url);
      viaProxy.host = `127.0.0.1:${proxy.port}`;
      const handle = await openDatabase({ databaseUrl: viaProxy.toString() });
      try {
        const held = handle.db.connection().execute(async (connection) => {
          await connection.selectFrom('organisation').select('slug').execute();
          await proxy.cut();
          await new Promise((done) => setTimeout(done, 200));
          return connection.selectFrom('organisation').select('slug').execute();
        });
        await expect(held).rejects.toThrow(/terminated|not queryable/i);
        await proxy.restore();
        expect(
          (await handle.db.selectFrom('organisation').select('slug').execute()).length,
        ).toBeGreaterThan(0);
      } finally {
        await proxy.restore();
        await handle.close();
      }
    });

    it('lists an input for every public procedure', () => {
      const publicOnes = Object.entries(procedures)
        .filter(([, p]) => p._def.meta?.access === 'public')
        .map(([path]) => path);
      expect(Object.keys(PUBLIC_INPUTS).sort()).toEqual(publicOnes.sort());
    });

    it('answers /ready and every procedure 503 with Retry-After within a second, then recovers by itself', async () => {
      expect((await fetch(`${server.url}/ready`)).status).toBe(200);
      await proxy.cut();
      try {
        const ready = await fetch(`${server.url}/ready`, { signal: AbortSignal.timeout(5000) });
        expect([ready.status, ready.headers.get('retry-after')]).toEqual([503, '5']);
        const answers: Record<string, string> = {};
        for (const path of Object.keys(procedures)) {
          for (const who of [token, null]) {
            const { status, retryAfter, body, ms } = await call(server.url, path, who);
            const code = (JSON.parse(body) as { error?: { data?: { code?: string } } }).error?.data
              ?.code;
            const fast = ms < 1000 ? 'fast' : `${Math.round(ms)} ms`;
            answers[`${path} ${who ? 'admin' : 'anonymous'}`] =
              `${status} ${code} ${retryAfter} ${fast}`;
            expect(body).not.toMatch(/ECONNREFUSED|at \w+ \(|node_modules|postgres:\/\//);
          }
        }
        const expected = Object.fromEntries(
          Object.keys(answers).map((key) => [key, '503 SERVICE_UNAVAILABLE 5 fast']),
        );
        expect(answers).toEqual(expected);
      } finally {
        await proxy.restore();
      }
      // Back within 5 s, without a restart: the old session works again too.
      const restored = performance.now();
      let me = await call(server.url, 'auth.me', token);
      while (me.status !== 200 && performance.now() - restored < 5000) {
        await new Promise((done) => setTimeout(done, 100));
        me = await call(server.url, 'auth.me', token);
      }
      expect(me.status).toBe(200);
      expect(performance.now() - restored).toBeLessThan(5000);
      expect((await fetch(`${server.url}/ready`)).status).toBe(200);
      expect((await call(server.url, 'organisations.list', null)).status).toBe(200);
    });
  },
);
