import { createHash } from 'node:crypto';
import type { ContentVersion } from '@klimakommuner/db';

// Whole answers to anonymous public reads, kept per process and keyed by the request's path and
// query (procedures and input). Everything is dropped whenever the content version changes (any
// process's committed write, heard through NOTIFY), when the day changes (memberships and
// participations are counted "today"), and when a scheduled publication comes due; while the
// version is unknown (the listening connection is lost) nothing is served from it or stored.
// docs/decisions/0024-content-version-invalidates-every-cache.md

/** Anonymous answers: browsers and proxies may keep them briefly and revalidate with the ETag. */
export const PUBLIC_CACHE_CONTROL = 'public, max-age=10, stale-while-revalidate=60';
/** Answers to editors (a session or token): personal, never stored anywhere. */
export const PRIVATE_CACHE_CONTROL = 'private, no-store';
/** Errors, and everything while caching is off. */
export const NO_STORE = 'no-store';

/** Whether caching is on: everything but `CACHE=off` (or `0`, `false`, `no`) in the env. */
export const cacheEnabled = (env: NodeJS.ProcessEnv = process.env): boolean =>
  !['off', '0', 'false', 'no'].includes((env.CACHE ?? '').trim().toLowerCase());

/** When an anonymous answer stops being true by the clock alone (see ResponseCache.until). */
export const CONTENT_UNTIL_HEADER = 'X-Content-Until';

/** The header every API answer carries: the content version its data is at least as new as. */
export const CONTENT_VERSION_HEADER = 'X-Content-Version';

export interface StoredResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Buffer;
  /** Strong: a hash of the bytes, so every process gives the same answer the same tag. */
  readonly etag: string | null;
  /** The content version known when the read started; the data is at least that new. */
  readonly version: number | null;
}

/** A read that may be stored when it ends: only if nothing was invalidated meanwhile. */
export interface Fill {
  readonly generation: number;
  readonly version: number;
}

export const strongEtag = (body: Buffer): string =>
  `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;

/** Whether an `If-None-Match` header names `etag` (or is `*`); weak tags compare equal too. */
export const matchesEtag = (header: string | undefined, etag: string | null): boolean => {
  if (header === undefined || etag === null) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
};

export interface ResponseCacheOptions {
  readonly content: ContentVersion;
  readonly today: () => string;
  readonly now: () => Date;
  /** The next scheduled publication after a moment (see nextPublication in packages/db). */
  readonly nextPublication: (now: Date) => Promise<Date | null>;
  /** At most this many bytes of bodies; the oldest entries go first. Default 64 MiB. */
  readonly maxBytes?: number;
}

export class ResponseCache {
  readonly #options: ResponseCacheOptions;
  readonly #maxBytes: number;
  readonly #entries = new Map<string, StoredResponse>();
  #bytes = 0;
  #generation = 0;
  #day: string | null = null;
  /** When the next scheduled publication is due (ms); null until known. */
  #horizon: number | null = null;
  #loading = false;
  #closed = false;
  readonly #unsubscribe: () => void;

  constructor(options: ResponseCacheOptions) {
    this.#options = options;
    this.#maxBytes = options.maxBytes ?? 64 * 2 ** 20;
    this.#unsubscribe = options.content.subscribe(() => this.clear());
    this.#loadHorizon();
  }

  get size(): number {
    return this.#entries.size;
  }

  /**
   * When what is cached stops being true by the clock alone (the next scheduled publication, ms),
   * `never`, or null while unknown; sent as X-Content-Until so the portal's pages expire with it.
   */
  get until(): string | null {
    if (this.#horizon === null) return null;
    return Number.isFinite(this.#horizon) ? String(this.#horizon) : 'never';
  }

  /** Drops everything; reads under way when it happens are not stored. */
  clear(): void {
    this.#entries.clear();
    this.#bytes = 0;
    this.#generation++;
    this.#horizon = null;
    this.#loadHorizon();
  }

  /** The stored answer for `key`, when one may be served now. */
  get(key: string): StoredResponse | undefined {
    if (!this.#usable()) return undefined;
    return this.#entries.get(key);
  }

  /** Starts a read whose answer may be stored; null when nothing may be stored now. */
  begin(): Fill | null {
    if (!this.#usable()) return null;
    const version = this.#options.content.current;
    return version === null ? null : { generation: this.#generation, version };
  }

  /** Stores the answer of a read begun with `fill`, unless the cache was cleared since. */
  set(key: string, fill: Fill, response: StoredResponse): void {
    if (fill.generation !== this.#generation || !this.#usable()) return;
    const previous = this.#entries.get(key);
    if (previous !== undefined) {
      this.#entries.delete(key);
      this.#bytes -= previous.body.length;
    }
    this.#entries.set(key, response);
    this.#bytes += response.body.length;
    for (const [oldest, entry] of this.#entries) {
      if (this.#bytes <= this.#maxBytes) break;
      this.#entries.delete(oldest);
      this.#bytes -= entry.body.length;
    }
  }

  close(): void {
    this.#closed = true;
    this.#unsubscribe();
    this.clear();
  }

  /** Clears what the clock made stale; false while the version or the horizon is unknown. */
  #usable(): boolean {
    if (this.#options.content.current === null) return false;
    const day = this.#options.today();
    if (day !== this.#day) {
      if (this.#day !== null) this.clear();
      this.#day = day;
    }
    if (this.#horizon !== null && this.#options.now().getTime() >= this.#horizon) this.clear();
    if (this.#horizon === null) {
      this.#loadHorizon();
      return false;
    }
    return true;
  }

  #loadHorizon(): void {
    if (this.#loading || this.#closed) return;
    this.#loading = true;
    const generation = this.#generation;
    const now = this.#options.now();
    this.#options.nextPublication(now).then(
      (at) => {
        this.#loading = false;
        if (generation === this.#generation)
          this.#horizon = at?.getTime() ?? Number.POSITIVE_INFINITY;
      },
      () => {
        // Unknown (the database is unreachable): nothing is cached; the next read asks again.
        this.#loading = false;
      },
    );
  }
}
