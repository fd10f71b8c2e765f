import type { Kysely } from 'kysely';
import type { DbHandle } from '../client.ts';
import type { Database } from '../schema.ts';

// The content version (docs/decisions/0024-content-version-invalidates-every-cache.md): a number
// that every committed transaction changing public content raises by one and announces with
// NOTIFY, from a trigger on each content table (migrations/2026_11_30_content_version.ts). A cache
// of public content holds what it read at a version, and drops it when it hears of a newer one.

/** The NOTIFY channel; the payload is the new version. */
export const CONTENT_CHANNEL = 'kk_content';

/** The tables whose writes change what the public sees; each has the trigger. */
export const CONTENT_TABLES: readonly (keyof Database)[] = [
  'county',
  'municipality',
  'organisation',
  'region',
  'region_municipality',
  'membership',
  'theme',
  'person',
  'project',
  'project_theme',
  'project_leader',
  'project_link',
  'participation',
  'participation_event',
  'stored_file',
  'resource',
  'resource_theme',
  'resource_municipality',
  'resource_attachment',
  'resource_link',
  'search_document',
  'event',
  'event_theme',
  'event_municipality',
  'article',
  'article_theme',
  'article_municipality',
];

/**
 * The tables that are not content: no public read shows them (accounts, sessions, the audit trail,
 * bookkeeping), or, like municipality_today, they are derived from content and a read checks them
 * against the content version.
 */
export const PRIVATE_TABLES: readonly string[] = [
  'app_user',
  'user_role',
  'session',
  'api_token',
  'sign_in_throttle',
  'audit_log',
  'content_version',
  'municipality_today',
  'kysely_migration',
  'kysely_migration_lock',
];

/** The latest committed content version, as `db` sees it. */
export const readContentVersion = async (db: Kysely<Database>): Promise<number> => {
  const row = await db.selectFrom('content_version').select('version').executeTakeFirstOrThrow();
  return Number(row.version);
};

/**
 * The next moment after `now` at which published content becomes public by the clock alone
 * (`publish_at`), or a published event ends (leaving the upcoming list), with no write to announce
 * it; null when none is scheduled.
 */
export const nextPublication = async (db: Kysely<Database>, now: Date): Promise<Date | null> => {
  const row = await db
    .selectFrom('organisation')
    .select('publish_at as at')
    .where('status', '=', 'published')
    .where('publish_at', '>', now)
    .unionAll(
      db
        .selectFrom('project')
        .select('publish_at as at')
        .where('workflow_status', '=', 'published')
        .where('publish_at', '>', now),
    )
    .unionAll(
      db
        .selectFrom('resource')
        .select('publish_at as at')
        .where('workflow_status', '=', 'published')
        .where('publish_at', '>', now),
    )
    .unionAll(
      db
        .selectFrom('event')
        .select('publish_at as at')
        .where('workflow_status', '=', 'published')
        .where('publish_at', '>', now),
    )
    .unionAll(
      db
        .selectFrom('article')
        .select('publish_at as at')
        .where('workflow_status', '=', 'published')
        .where('publish_at', '>', now),
    )
    // An event that ends moves from the upcoming list to the archive by the clock alone.
    .unionAll(
      db
        .selectFrom('event')
        .select('ends_at as at')
        .where('workflow_status', '=', 'published')
        .where('ends_at', '>', now),
    )
    .orderBy('at')
    .limit(1)
    .executeTakeFirst();
  return row?.at ?? null;
};

/** What this process knows of the content version. */
export interface ContentVersion {
  /**
   * The latest committed version this process has heard of; null while it cannot hear of
   * changes (before the first read, or while the listening connection is lost), when nothing
   * may be served from or stored in a cache.
   */
  readonly current: number | null;
  /** Calls `listener` on every change of `current`, at once and in order; returns an unsubscribe. */
  subscribe(listener: (version: number | null) => void): () => void;
  /**
   * Reads the version from the primary now, e.g. right after this process committed a write, so
   * that its own next read does not wait for the notification (on PGlite it has arrived already).
   */
  refresh(): Promise<number | null>;
  /** Resolves once `current` is first known (or listening failed). */
  readonly ready: Promise<void>;
}

const watches = new WeakMap<DbHandle, ContentVersion>();

/**
 * The content version of `handle`, one per handle in a process (every server on the handle
 * shares it, so a write through one is known to all of them at once): listens on
 * CONTENT_CHANNEL and reads the version whenever listening (re)starts. Stops when the handle
 * closes.
 */
export const contentVersionOf = (handle: DbHandle): ContentVersion => {
  const known = watches.get(handle);
  if (known !== undefined) return known;
  let current: number | null = null;
  let listening = false;
  // The highest version notified since listening (re)started: a read racing a notification
  // must not go back below it.
  let heard = 0;
  const listeners = new Set<(version: number | null) => void>();
  const set = (version: number | null) => {
    if (version === current) return;
    current = version;
    for (const listener of listeners) listener(version);
  };
  const read = async (): Promise<number | null> => {
    if (!listening) return current;
    const version = await readContentVersion(handle.db);
    if (listening) set(Math.max(version, heard, current ?? 0));
    return current;
  };
  // PGlite hands a notification to its listeners while it processes the COMMIT, before the
  // write's promise resolves: this process knows the version already, and a query would only
  // take PGlite's one thread from the next request.
  const refresh = handle.engine === 'pglite' ? async () => current : read;
  let resolveReady = () => {};
  const ready = new Promise<void>((resolve) => {
    resolveReady = resolve;
  });
  const watch: ContentVersion = {
    get current() {
      return current;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    refresh,
    ready,
  };
  watches.set(handle, watch);
  void handle
    .listen(CONTENT_CHANNEL, {
      onPayload: (payload) => {
        const version = Number(payload);
        if (!Number.isSafeInteger(version)) return;
        heard = Math.max(heard, version);
        if (current !== null && version > current) set(version);
      },
      onListening: (now) => {
        listening = now;
        if (!now) {
          heard = 0;
          set(null);
          return;
        }
        read().then(resolveReady, (error: unknown) => {
          // Not known yet: nothing is cached until the next (re)connection reads it.
          console.error('Content version:', error instanceof Error ? error.message : error);
          resolveReady();
        });
      },
    })
    .catch((error: unknown) => {
      console.error('Content version:', error instanceof Error ? error.message : error);
      resolveReady();
    });
  return watch;
};
