import { type DbHandle, openDatabase, readContentVersion, seed } from '@klimakommuner/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../src/access/accounts.ts';
import { PUBLIC_CACHE_CONTROL } from '../src/cache/responses.ts';
import { type RunningServer, startServer } from '../src/server.ts';
import { PASSWORD } from './global-setup.ts';
import { clientWith, signIn } from './harness.ts';
import { createPostgresDatabase, ENGINES, openTestDatabase } from './support/databases.ts';

// The response cache (docs/decisions/0024-content-version-invalidates-every-cache.md): anonymous
// reads are answered from it with ETag and Cache-Control, editors never are, and a write through
// any process is seen by every other within a second, never followed by an older answer.

const THEME = 'mobilitet';
const ADMIN = 'admin@cache.test.no';
const themeUrl = (base: string) =>
  `${base}/trpc/themes.get?input=${encodeURIComponent(JSON.stringify({ slug: THEME }))}`;

interface ThemeAnswer {
  readonly result: { readonly data: { readonly description: string; readonly version: number } };
}
const readTheme = async (base: string, init?: RequestInit) => {
  const res = await fetch(themeUrl(base), init);
  const body = res.status === 200 ? ((await res.json()) as ThemeAnswer) : null;
  return { res, description: body?.result.data.description ?? null };
};

const until = async <A>(read: () => Promise<A>, done: (a: A) => boolean, ms: number) => {
  const end = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > end) throw new Error(`not within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
};

/** Saves the theme's description as the admin, through `base`. */
const saveTheme = async (base: string, token: string, description: string) => {
  const admin = clientWith(base, token);
  const theme = (await admin.themes.listForEdit.query()).items.find((t) => t.slug === THEME);
  if (!theme) throw new Error(`${THEME} is seeded`);
  await admin.themes.update.mutate({
    slug: THEME,
    version: theme.version,
    name: theme.name,
    description,
  });
};

const seeded = async (handle: DbHandle) => {
  await seed(handle.db);
  await createAccount(
    handle.db,
    { email: ADMIN, name: 'Admin', password: PASSWORD, roles: [{ role: 'admin' }] },
    null,
  );
};

describe.each(ENGINES)('the response cache on %s', (engine) => {
  let db: Awaited<ReturnType<typeof openTestDatabase>>;
  let server: RunningServer;
  let uncached: RunningServer;
  let token: string;
  beforeAll(async () => {
    db = await openTestDatabase(engine);
    await seeded(db.handle);
    server = await startServer({ port: 0, host: '127.0.0.1', db: db.handle, cache: true });
    uncached = await startServer({ port: 0, host: '127.0.0.1', db: db.handle, cache: false });
    token = await signIn(server.url, { email: ADMIN, password: PASSWORD });
  });
  afterAll(async () => {
    await server?.close();
    await uncached?.close();
    await db?.dispose();
  });

  it('answers anonymous reads from the cache, with a strong ETag, 304 and public Cache-Control', async () => {
    const first = await readTheme(server.url);
    const second = await until(
      () => readTheme(server.url),
      (read) => read.res.headers.get('x-cache') === 'hit',
      5_000,
    );
    expect(second.description).toBe(first.description);
    const etag = second.res.headers.get('etag');
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(first.res.headers.get('etag')).toBe(etag);
    expect(second.res.headers.get('cache-control')).toBe(PUBLIC_CACHE_CONTROL);
    expect(second.res.headers.get('x-content-version')).toMatch(/^\d+$/);
    const revalidated = await fetch(themeUrl(server.url), {
      headers: { 'If-None-Match': etag ?? '' },
    });
    expect(revalidated.status).toBe(304);
    expect(await revalidated.text()).toBe('');
    expect(revalidated.headers.get('etag')).toBe(etag);
    // Another process (the uncached one) gives the same bytes the same tag.
    const elsewhere = await readTheme(uncached.url);
    expect(elsewhere.res.headers.get('etag')).toBe(etag);
  });

  it('never caches errors, and never serves or stores editors’ answers', async () => {
    const bad = `${server.url}/trpc/themes.get?input=${encodeURIComponent('{"slug":"A B"}')}`;
    for (let i = 0; i < 2; i++) {
      const res = await fetch(bad);
      expect(res.status).toBe(400);
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(res.headers.get('x-cache')).toBe('miss');
      expect(res.headers.get('etag')).toBeNull();
    }
    const editor = await readTheme(server.url, { headers: { Authorization: `Bearer ${token}` } });
    expect(editor.res.status).toBe(200);
    expect(editor.res.headers.get('cache-control')).toBe('private, no-store');
    expect(editor.res.headers.get('x-cache')).toBeNull();
    expect(editor.res.headers.get('etag')).toBeNull();
    // A cookie is a credential too (the API reads none, but the answer may not be shared).
    const cookie = await readTheme(server.url, { headers: { Cookie: 'a=b' } });
    expect(cookie.res.headers.get('x-cache')).toBeNull();
  });

  it('serves a write at once in the process that made it, and on every server of the process', async () => {
    await readTheme(server.url);
    await readTheme(uncached.url);
    for (const description of ['Første endring', 'Andre endring']) {
      await saveTheme(server.url, token, description);
      expect((await readTheme(server.url)).description).toBe(description);
      await saveTheme(uncached.url, token, `${description} (2)`);
      expect((await readTheme(server.url)).description).toBe(`${description} (2)`);
    }
  });

  it('announces each new content version on /content-version (JSON and an event stream)', async () => {
    const json = (await (await fetch(`${server.url}/content-version`)).json()) as {
      version: number;
    };
    expect(json.version).toBeGreaterThan(0);
    const abort = new AbortController();
    const res = await fetch(`${server.url}/content-version`, {
      headers: { accept: 'text/event-stream' },
      signal: abort.signal,
    });
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const reader = (res.body as ReadableStream<Uint8Array>)
      .pipeThrough(new TextDecoderStream())
      .getReader();
    let text = '';
    const next = async () => {
      while (!text.includes('\n\n')) text += (await reader.read()).value ?? '';
      const [event, ...rest] = text.split('\n\n');
      text = rest.join('\n\n');
      return event;
    };
    try {
      expect(await next()).toBe(`data: ${json.version}`);
      const written = Date.now();
      await saveTheme(uncached.url, token, 'Melding til portalen');
      expect(Number((await next())?.replace('data: ', ''))).toBeGreaterThan(json.version);
      expect(Date.now() - written).toBeLessThan(1_000);
    } finally {
      abort.abort();
    }
  });

  it('CACHE off: every answer is computed afresh and marked no-store, without ETag', async () => {
    for (let i = 0; i < 2; i++) {
      const { res } = await readTheme(uncached.url);
      expect(res.headers.get('x-cache')).toBe('miss');
      expect(res.headers.get('cache-control')).toBe('no-store');
    }
  });

  it('drops everything when the content version changes, whoever wrote', async () => {
    await until(
      () => readTheme(server.url),
      (read) => read.res.headers.get('x-cache') === 'hit',
      5_000,
    );
    // A write no procedure made (a script, psql): the trigger announces it all the same.
    await db.handle.db
      .updateTable('theme')
      .set({ description: 'Skrevet rett i databasen' })
      .where('slug', '=', THEME)
      .execute();
    const seen = await until(
      () => readTheme(server.url),
      (read) => read.description === 'Skrevet rett i databasen',
      1_000,
    );
    expect(seen.res.headers.get('x-cache')).toBe('miss');
  });

  it('keeps a scheduled publication out until it is due, then shows it without a write', async () => {
    let offset = 0;
    const clocked = await startServer({
      port: 0,
      host: '127.0.0.1',
      db: db.handle,
      cache: true,
      now: () => new Date(Date.now() + offset),
    });
    try {
      const at = new Date(Date.now() + 60 * 60 * 1000);
      await db.handle.db
        .updateTable('organisation')
        .set({ status: 'published', publish_at: at })
        .where('slug', '=', 'ken')
        .execute();
      const url = `${clocked.url}/trpc/organisations.get?input=${encodeURIComponent('{"slug":"ken"}')}`;
      const profile = async () =>
        ((await (await fetch(url)).json()) as { result: { data: { profile: unknown } } }).result
          .data.profile;
      await until(profile, (shown) => shown === null, 5_000);
      await until(
        () => fetch(url).then((res) => res.headers.get('x-cache')),
        (cache) => cache === 'hit',
        5_000,
      );
      offset = 2 * 60 * 60 * 1000;
      expect(await profile()).not.toBeNull();
    } finally {
      await clocked.close();
      await db.handle.db
        .updateTable('organisation')
        .set({ publish_at: null })
        .where('slug', '=', 'ken')
        .execute();
    }
  });
});

// Two API servers with pools and listeners of their own on one PostgreSQL, as two processes.
describe.runIf(ENGINES.includes('postgres'))('two processes on one PostgreSQL', () => {
  let database: { url: string; drop(): Promise<void> };
  let handles: DbHandle[] = [];
  let one: RunningServer;
  let two: RunningServer;
  let token: string;
  beforeAll(async () => {
    database = await createPostgresDatabase();
    const { migrate } = await import('@klimakommuner/db');
    handles = [
      await openDatabase({ databaseUrl: database.url }),
      await openDatabase({ databaseUrl: database.url }),
    ];
    const [first, second] = handles as [DbHandle, DbHandle];
    await migrate(first.db);
    await seeded(first);
    one = await startServer({ port: 0, host: '127.0.0.1', db: first, cache: true });
    two = await startServer({ port: 0, host: '127.0.0.1', db: second, cache: true });
    token = await signIn(one.url, { email: ADMIN, password: PASSWORD });
  });
  afterAll(async () => {
    await one?.close();
    await two?.close();
    for (const handle of handles) await handle.close();
    await database?.drop();
  });

  it('a write on one is served by the other within a second, and never an older answer after it', async () => {
    for (let round = 0; round < 5; round++) {
      // The other process holds the old answer in its cache.
      await until(
        () => readTheme(two.url),
        (read) => read.res.headers.get('x-cache') === 'hit',
        5_000,
      );
      const description = `Runde ${round}`;
      const written = Date.now();
      await saveTheme(one.url, token, description);
      await until(
        () => readTheme(two.url),
        (read) => read.description === description,
        1_000,
      );
      expect(Date.now() - written).toBeLessThan(1_000);
      for (let i = 0; i < 20; i++) expect((await readTheme(two.url)).description).toBe(description);
    }
  });
});

// A read replica that lags: a second database that receives the primary's writes only when the
// test copies them over (with the version row, as replication would).
describe.runIf(ENGINES.includes('postgres'))('a lagging read replica', () => {
  let primary: { url: string; drop(): Promise<void> };
  let replica: { url: string; drop(): Promise<void> };
  let handle: DbHandle;
  let replicaDb: DbHandle;
  let server: RunningServer;
  let token: string;
  const replicate = async (marker = '') => {
    const theme = await handle.db
      .selectFrom('theme')
      .select(['description', 'version'])
      .where('slug', '=', THEME)
      .executeTakeFirstOrThrow();
    await replicaDb.db
      .updateTable('theme')
      .set({ description: `${theme.description}${marker}`, version: theme.version })
      .where('slug', '=', THEME)
      .execute();
    const version = await readContentVersion(handle.db);
    await replicaDb.db.updateTable('content_version').set({ version }).execute();
  };
  beforeAll(async () => {
    const { migrate } = await import('@klimakommuner/db');
    primary = await createPostgresDatabase();
    replica = await createPostgresDatabase();
    replicaDb = await openDatabase({ databaseUrl: replica.url });
    await migrate(replicaDb.db);
    await seeded(replicaDb);
    handle = await openDatabase({ databaseUrl: primary.url, readUrl: replica.url });
    await migrate(handle.db);
    await seeded(handle);
    await replicate();
    server = await startServer({ port: 0, host: '127.0.0.1', db: handle, cache: true });
    token = await signIn(server.url, { email: ADMIN, password: PASSWORD });
  });
  afterAll(async () => {
    await server?.close();
    await handle?.close();
    await replicaDb?.close();
    await primary?.drop();
    await replica?.drop();
  });

  it('reads the replica when it has caught up, the primary until then, and never caches the stale value', async () => {
    // Caught up: anonymous reads come from the replica (marked so the test can tell).
    await replicate(' [replika]');
    expect((await readTheme(server.url)).description).toMatch(/\[replika\]$/);
    // Editors always read the primary.
    const editor = await readTheme(server.url, { headers: { Authorization: `Bearer ${token}` } });
    expect(editor.description).not.toMatch(/\[replika\]/);

    await saveTheme(server.url, token, 'Ny etter skriving');
    // The replica is behind: the answer (and what is cached) comes from the primary.
    for (let i = 0; i < 5; i++) {
      const read = await readTheme(server.url);
      expect(read.description).toBe('Ny etter skriving');
    }
    await until(
      () => readTheme(server.url),
      (read) => read.res.headers.get('x-cache') === 'hit',
      5_000,
    );
    // The replica catches up late: still the new value (from the cache, or the replica).
    await replicate();
    expect((await readTheme(server.url)).description).toBe('Ny etter skriving');
    // Uncached reads (a new key) now use the replica again (once it is asked again).
    await new Promise((resolve) => setTimeout(resolve, 100));
    const other = `${server.url}/trpc/themes.get?input=${encodeURIComponent(JSON.stringify({ slug: THEME }))}&x=1`;
    await replicate(' [replika]');
    const fromReplica = (await (await fetch(other)).json()) as ThemeAnswer;
    expect(fromReplica.result.data.description).toBe('Ny etter skriving [replika]');
  });
});
