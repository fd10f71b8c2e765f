import { sql } from 'kysely';
import { expect, it } from 'vitest';
import {
  CONTENT_CHANNEL,
  CONTENT_TABLES,
  contentVersionOf,
  type DbHandle,
  nextPublication,
  openDatabase,
  PRIVATE_TABLES,
  readContentVersion,
} from '../src/index.ts';
import { onEachEngine } from './engines.ts';

const until = async (check: () => boolean, ms = 2_000): Promise<void> => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
};

const renameCounty = (handle: DbHandle, name: string) =>
  handle.db.updateTable('county').set({ name }).where('number', '=', '03').execute();

onEachEngine('the content version', (db, fresh) => {
  it('classifies every table, and every content table bumps the version', async () => {
    const tables = await sql<{ name: string }>`
      select table_name as name from information_schema.tables
      where table_schema = current_schema() and table_type = 'BASE TABLE'
    `.execute(db().db);
    const names = tables.rows.map((row) => row.name).sort();
    // A new table must be put in one list or the other (and a content table needs the trigger).
    expect(names).toEqual([...CONTENT_TABLES, ...PRIVATE_TABLES].sort());
    const triggers = await sql<{ name: string }>`
      select c.relname as name from pg_trigger t join pg_class c on c.oid = t.tgrelid
      where t.tgname = 'content_changed'
    `.execute(db().db);
    expect(triggers.rows.map((row) => row.name).sort()).toEqual([...CONTENT_TABLES].sort());
  });

  it('is bumped once per committed transaction that changes content, and never otherwise', async () => {
    const handle = db();
    const before = await readContentVersion(handle.db);
    await renameCounty(handle, 'Oslo');
    expect(await readContentVersion(handle.db)).toBe(before + 1);
    // Several tables and rows in one transaction: one bump, at commit.
    await handle.db.transaction().execute(async (trx) => {
      await trx.updateTable('county').set({ name: 'Oslo' }).where('number', '=', '03').execute();
      await trx
        .updateTable('municipality')
        .set({ name: 'Oslo' })
        .where('number', '=', '0301')
        .execute();
      expect(await readContentVersion(trx)).toBe(before + 1);
    });
    expect(await readContentVersion(handle.db)).toBe(before + 2);
    // Rolled back: nothing.
    await expect(
      handle.db.transaction().execute(async (trx) => {
        await trx.updateTable('county').set({ name: 'Feil' }).where('number', '=', '03').execute();
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    // A private table: nothing.
    await handle.db.updateTable('sign_in_throttle').set({ failures: 0 }).execute();
    expect(await readContentVersion(handle.db)).toBe(before + 2);
  });

  it('is heard by every listener, from this connection and (PostgreSQL) from another process', async () => {
    const handle = db();
    const watch = contentVersionOf(handle);
    expect(contentVersionOf(handle)).toBe(watch);
    await watch.ready;
    expect(watch.current).toBe(await readContentVersion(handle.db));
    const seen: (number | null)[] = [];
    const unsubscribe = watch.subscribe((version) => seen.push(version));
    const start = watch.current ?? 0;
    await renameCounty(handle, 'Oslo');
    await until(() => watch.current === start + 1);
    const url = fresh.url();
    if (url !== undefined) {
      // Another process: its own pool, writing through its own connection.
      const other = await openDatabase({ databaseUrl: url });
      try {
        const written = Date.now();
        await renameCounty(other, 'Oslo');
        await until(() => watch.current === start + 2, 1_000);
        expect(Date.now() - written).toBeLessThan(1_000);
      } finally {
        await other.close();
      }
    } else {
      await renameCounty(handle, 'Oslo');
      await until(() => watch.current === start + 2);
    }
    expect(seen).toEqual([start + 1, start + 2]);
    unsubscribe();
  });

  it('refresh reads the committed version on PostgreSQL; PGlite heard it with the commit', async () => {
    const handle = db();
    const watch = contentVersionOf(handle);
    await watch.ready;
    const before = watch.current;
    // A change of the version without NOTIFY (no content table was written): only a read sees it.
    await sql`update content_version set version = version + 10`.execute(handle.db);
    const stored = await readContentVersion(handle.db);
    // PostgreSQL reads it; PGlite does not read at all (its notifications arrive with the commit).
    expect(await watch.refresh()).toBe(handle.engine === 'postgres' ? stored : before);
  });

  it('knows a write of this process as soon as it committed', async () => {
    const handle = db();
    const watch = contentVersionOf(handle);
    await watch.ready;
    for (let i = 0; i < 3; i++) {
      await renameCounty(handle, 'Oslo');
      expect(await watch.refresh()).toBe(await readContentVersion(handle.db));
    }
  });

  it('says when the next scheduled publication makes content public', async () => {
    const handle = db();
    const now = new Date('2026-11-27T12:00:00Z');
    const later = new Date('2026-12-01T08:00:00Z');
    expect(await nextPublication(handle.db, now)).toBeNull();
    await handle.db
      .updateTable('organisation')
      .set({ status: 'published', publish_at: later })
      .where('slug', '=', 'ken')
      .execute();
    expect((await nextPublication(handle.db, now))?.toISOString()).toBe(later.toISOString());
    expect(await nextPublication(handle.db, later)).toBeNull();
    await handle.db
      .updateTable('organisation')
      .set({ publish_at: null })
      .where('slug', '=', 'ken')
      .execute();
  });

  it('uses one channel name everyone agrees on', () => {
    expect(CONTENT_CHANNEL).toBe('kk_content');
  });
});
