import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ContentVersionWatch,
  versionOf,
  watchContentVersion,
} from '../src/lib/server/content-version.ts';
import {
  matchesEtag,
  newAnswers,
  PageCache,
  recordAnswer,
  strongEtag,
} from '../src/lib/server/page-cache.ts';

/** A watch the test moves by hand. */
const manualWatch = (start: number | null) => {
  let current = start;
  const listeners = new Set<(version: number | null) => void>();
  const watch: ContentVersionWatch = {
    get current() {
      return current;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    stop() {},
  };
  const move = (version: number | null) => {
    current = version;
    for (const listener of listeners) listener(version);
  };
  return { watch, move };
};

const page = (body: string) => ({ body, etag: strongEtag(body), headers: [] });
const answersAt = (version: number | null, until: string | null = 'never') => {
  const answers = newAnswers();
  const headers = new Headers();
  if (version !== null) headers.set('x-content-version', String(version));
  if (until !== null) headers.set('x-content-until', until);
  recordAnswer(answers, headers);
  return answers;
};

describe('the page cache', () => {
  it('keeps a page for the version it was rendered at, and drops everything when it changes', () => {
    const { watch, move } = manualWatch(5);
    const cache = new PageCache({ watch, today: () => '2026-11-30' });
    const fill = cache.begin();
    expect(fill).toEqual({ generation: expect.any(Number), version: 5 });
    if (fill === null) return;
    expect(cache.set('/kommuner', fill, answersAt(5), page('a'))).toBe(true);
    expect(cache.get('/kommuner')?.body).toBe('a');
    move(6);
    expect(cache.get('/kommuner')).toBeUndefined();
    // A render begun before the change is not stored after it.
    expect(cache.set('/kommuner', fill, answersAt(6), page('b'))).toBe(false);
    expect(cache.get('/kommuner')).toBeUndefined();
  });

  it('stores nothing while the version is unknown, or from an API answer older than it', () => {
    const { watch, move } = manualWatch(null);
    const cache = new PageCache({ watch, today: () => '2026-11-30' });
    expect(cache.begin()).toBeNull();
    move(7);
    const fill = cache.begin();
    if (fill === null) throw new Error('known now');
    // Another API process that has not heard of 7 yet.
    expect(cache.set('/x', fill, answersAt(6), page('old'))).toBe(false);
    // An answer without a version, or without X-Content-Until (the API does not know).
    expect(cache.set('/x', fill, answersAt(null), page('?'))).toBe(false);
    expect(cache.set('/x', fill, answersAt(7, null), page('?'))).toBe(false);
    // Several answers: the oldest decides.
    const mixed = answersAt(7);
    recordAnswer(mixed, new Headers({ 'x-content-version': '6', 'x-content-until': 'never' }));
    expect(cache.set('/x', fill, mixed, page('mixed'))).toBe(false);
    expect(cache.set('/x', fill, answersAt(8), page('new'))).toBe(true);
    move(null);
    expect(cache.get('/x')).toBeUndefined();
  });

  it('drops everything at the day’s change and when a scheduled publication is due', () => {
    const { watch } = manualWatch(1);
    let day = '2026-11-30';
    let now = 1_000;
    const cache = new PageCache({ watch, today: () => day, now: () => now });
    const store = (key: string, until = 'never') => {
      const fill = cache.begin();
      if (fill === null) throw new Error('known');
      return cache.set(key, fill, answersAt(1, until), page(key));
    };
    expect(store('/a')).toBe(true);
    day = '2026-12-01';
    expect(cache.get('/a')).toBeUndefined();
    expect(store('/b', '2000')).toBe(true);
    now = 1_999;
    expect(cache.get('/b')?.body).toBe('/b');
    now = 2_000;
    expect(cache.get('/b')).toBeUndefined();
    // Already due: not stored at all.
    expect(store('/c', '1500')).toBe(false);
  });

  it('compares ETags as If-None-Match does', () => {
    const etag = strongEtag('x');
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(matchesEtag(etag, etag)).toBe(true);
    expect(matchesEtag(`"other", W/${etag}`, etag)).toBe(true);
    expect(matchesEtag('*', etag)).toBe(true);
    expect(matchesEtag('"other"', etag)).toBe(false);
    expect(matchesEtag(null, etag)).toBe(false);
  });
});

describe('the content version stream', () => {
  const streams = new Set<ServerResponse>();
  let version = 3;
  let url = '';
  const server = createServer((req, res) => {
    if (req.url !== '/content-version') {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    res.write(`data: ${version}\n\n`);
    streams.add(res);
    res.on('close', () => streams.delete(res));
  });
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const until = async (check: () => boolean) => {
    const end = Date.now() + 2_000;
    while (!check()) {
      if (Date.now() > end) throw new Error('timed out');
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  };

  it('follows the API’s announcements, and is unknown while the stream is down', async () => {
    const watch = watchContentVersion(url, { retryMs: 20 });
    try {
      await until(() => watch.current === 3);
      version = 4;
      for (const stream of streams) stream.write('data: 4\n\n');
      await until(() => watch.current === 4);
      for (const stream of streams) stream.write('data: unknown\n\n');
      await until(() => watch.current === null);
      // Cut: unknown, then the reconnection reads the version anew.
      const seen: (number | null)[] = [];
      watch.subscribe((v) => seen.push(v));
      version = 9;
      for (const stream of streams) stream.destroy();
      await until(() => watch.current === 9);
      expect(seen).toContain(9);
    } finally {
      watch.stop();
    }
  });

  it('reads a data line strictly', () => {
    expect(versionOf(' 12')).toBe(12);
    expect(versionOf('unknown')).toBeNull();
    expect(versionOf('')).toBeNull();
    expect(versionOf('-1')).toBeNull();
  });
});
