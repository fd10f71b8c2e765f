import { createHash } from 'node:crypto';
import type { ContentVersionWatch } from './content-version.ts';

// Rendered anonymous pages, kept per process and keyed by URL, valid for the content version
// they were rendered at: the whole cache is dropped when the API announces another version, at
// the day's change (pages count members "today"), and when a scheduled publication is due (the
// API says when in `X-Content-Until`). A page is stored only when every API answer it used was at
// least as new as the version it is stored under.
// docs/decisions/0025-portal-pages-follow-the-api-version.md

/** Browsers and proxies may keep a page briefly and revalidate it with its ETag. */
export const PUBLIC_CACHE_CONTROL = 'public, max-age=10, stale-while-revalidate=60';
export const NO_STORE = 'no-store';

export interface CachedPage {
  readonly body: string;
  readonly headers: ReadonlyArray<readonly [string, string]>;
  readonly etag: string;
}

/** A render that may be stored when it ends. */
export interface Fill {
  readonly generation: number;
  readonly version: number;
}

/** What a render learnt from the API answers it used. */
export interface ApiAnswers {
  /** The lowest X-Content-Version among them; null when one had none. */
  version: number | null;
  /** The earliest X-Content-Until among them (ms). */
  until: number;
  /** How many there were. */
  count: number;
}

export const newAnswers = (): ApiAnswers => ({
  version: Number.POSITIVE_INFINITY,
  until: Number.POSITIVE_INFINITY,
  count: 0,
});

/** Records one API answer's headers. */
export const recordAnswer = (answers: ApiAnswers, headers: Headers): void => {
  answers.count++;
  const version = headers.get('x-content-version');
  const parsed = version === null ? Number.NaN : Number(version);
  answers.version =
    answers.version === null || !Number.isSafeInteger(parsed)
      ? null
      : Math.min(answers.version, parsed);
  // When the API's answer stops being true by the clock alone: a time (ms), `never`, or absent
  // when the API does not know (then the page is not stored).
  const until = headers.get('x-content-until');
  if (until === null) answers.version = null;
  else if (until !== 'never') {
    const at = Number(until);
    answers.until = Number.isFinite(at) ? Math.min(answers.until, at) : answers.until;
    if (!Number.isFinite(at)) answers.version = null;
  }
};

export const strongEtag = (body: string): string =>
  `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;

/** Whether an `If-None-Match` header names `etag` (or is `*`). */
export const matchesEtag = (header: string | null, etag: string): boolean =>
  header !== null &&
  (header.trim() === '*' ||
    header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag));

export interface PageCacheOptions {
  readonly watch: ContentVersionWatch;
  readonly today: () => string;
  readonly now?: () => number;
  /** At most this many bytes of pages; the oldest go first. Default 32 MiB. */
  readonly maxBytes?: number;
}

export class PageCache {
  readonly #options: PageCacheOptions;
  readonly #pages = new Map<string, CachedPage>();
  #bytes = 0;
  #generation = 0;
  #day: string | null = null;
  #until = Number.POSITIVE_INFINITY;

  constructor(options: PageCacheOptions) {
    this.#options = options;
    options.watch.subscribe(() => this.clear());
  }

  get size(): number {
    return this.#pages.size;
  }

  clear(): void {
    this.#pages.clear();
    this.#bytes = 0;
    this.#generation++;
    this.#until = Number.POSITIVE_INFINITY;
  }

  get(key: string): CachedPage | undefined {
    return this.#usable() ? this.#pages.get(key) : undefined;
  }

  begin(): Fill | null {
    const version = this.#options.watch.current;
    return this.#usable() && version !== null ? { generation: this.#generation, version } : null;
  }

  /** Stores a page rendered since `fill` from `answers`, unless anything changed meanwhile. */
  set(key: string, fill: Fill, answers: ApiAnswers, page: CachedPage): boolean {
    if (fill.generation !== this.#generation || !this.#usable()) return false;
    // Every answer at least as new as the version the page is stored under (another API process
    // may not have heard of it yet).
    if (answers.version === null || answers.version < fill.version) return false;
    const now = (this.#options.now ?? Date.now)();
    if (answers.until <= now) return false;
    this.#until = Math.min(this.#until, answers.until);
    const previous = this.#pages.get(key);
    if (previous !== undefined) this.#bytes -= previous.body.length;
    this.#pages.delete(key);
    this.#pages.set(key, page);
    this.#bytes += page.body.length;
    const max = this.#options.maxBytes ?? 32 * 2 ** 20;
    for (const [oldest, entry] of this.#pages) {
      if (this.#bytes <= max) break;
      this.#pages.delete(oldest);
      this.#bytes -= entry.body.length;
    }
    return true;
  }

  #usable(): boolean {
    if (this.#options.watch.current === null) return false;
    const day = this.#options.today();
    if (day !== this.#day) {
      if (this.#day !== null) this.clear();
      this.#day = day;
    }
    if ((this.#options.now ?? Date.now)() >= this.#until) this.clear();
    return true;
  }
}
