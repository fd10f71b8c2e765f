import { addDays } from '@klimakommuner/domain';
import { sql } from 'kysely';
import { afterEach, expect, it } from 'vitest';
import {
  getMunicipality,
  keepMunicipalityToday,
  listMunicipalities,
  openDatabase,
  readContentVersion,
  refreshMunicipalityToday,
} from '../../src/index.ts';
import { onEachEngine, TODAY } from '../engines.ts';

// municipality_today (decision 0043) may only make the municipality reads faster: a row is read
// while it is of today and of the content version, and every other time the read computes what
// it would have said. Each test marks Asker's row with a lie (no organisations) to see which of
// the two a read took, and leaves the table empty behind it.

const ASKER = '3203';
const KEN = 'ken';

const until = async (check: () => Promise<boolean>, ms = 5_000): Promise<void> => {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

onEachEngine('municipality_today', (db, fresh) => {
  const handle = () => db();
  /** Refreshes the rows for `day`, then makes Asker's say it belongs to nothing. */
  const refreshAndLie = async (day = TODAY) => {
    expect(await refreshMunicipalityToday(handle().db, day)).toBeGreaterThan(300);
    await handle()
      .db.updateTable('municipality_today')
      .set({ organisations: '[]', organisation_count: 0 })
      .where('municipality_number', '=', ASKER)
      .execute();
  };
  /** What the reads say of Asker's organisations on `day`, through `on` (a transaction, say). */
  const askerOn = async (day = TODAY, on = handle().db) => {
    const members = await listMunicipalities(on, { membersOnly: true, limit: 500 }, day);
    const detail = await getMunicipality(on, 'asker', day, new Date(`${day}T12:00:00Z`));
    return {
      member: members.items.some((m) => m.number === ASKER),
      count: detail?.organisationCount,
      slugs: detail?.organisations.map((o) => o.slug),
    };
  };
  const truth = { member: true, count: 1, slugs: ['kommunenettverk-for-klimaomstilling'] };
  const lie = { member: false, count: 0, slugs: [] };

  afterEach(async () => {
    await handle().db.deleteFrom('municipality_today').execute();
  });

  it('is read while it is of today and of the content version', async () => {
    expect(await askerOn()).toEqual(truth);
    await refreshAndLie();
    expect(await askerOn()).toEqual(lie);
    // Nothing changed: a second refresh writes nothing.
    expect(await refreshMunicipalityToday(handle().db, TODAY)).toBe(0);
  });

  it('is passed over once a committed write moves the content version', async () => {
    await refreshAndLie();
    const kenId = (
      await handle()
        .db.selectFrom('organisation')
        .select('id')
        .where('slug', '=', KEN)
        .executeTakeFirstOrThrow()
    ).id;
    const added = await handle()
      .db.insertInto('membership')
      .values({
        organisation_id: kenId,
        municipality_number: ASKER,
        region_id: null,
        from_date: '2026-01-01',
        from_precision: 'day',
        to_date: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    try {
      // At once, before any refresh: computed, with the new membership.
      expect(await askerOn()).toEqual({
        member: true,
        count: 2,
        slugs: [KEN, 'kommunenettverk-for-klimaomstilling'],
      });
      expect(await refreshMunicipalityToday(handle().db, TODAY)).toBeGreaterThan(300);
      expect(await askerOn()).toEqual({
        member: true,
        count: 2,
        slugs: [KEN, 'kommunenettverk-for-klimaomstilling'],
      });
    } finally {
      await handle().db.deleteFrom('membership').where('id', '=', added.id).execute();
    }
  });

  it('is passed over on another day', async () => {
    await refreshAndLie();
    expect(await askerOn(addDays(TODAY, 1))).toEqual(truth);
    expect(await askerOn()).toEqual(lie);
  });

  it('is passed over by a transaction that wrote memberships before it commits', async () => {
    await refreshAndLie();
    await handle()
      .db.transaction()
      .execute(async (trx) => {
        expect(await askerOn(TODAY, trx)).toEqual(lie);
        await trx
          .updateTable('membership')
          .set({ to_date: null })
          .where('municipality_number', '=', ASKER)
          .execute();
        expect(await askerOn(TODAY, trx)).toEqual(truth);
        throw new Error('roll back');
      })
      .catch((error: unknown) => {
        if (!(error instanceof Error) || error.message !== 'roll back') throw error;
      });
    expect(await askerOn()).toEqual(lie);
  });

  it('never puts back an older version than a row has', async () => {
    await refreshMunicipalityToday(handle().db, TODAY);
    const version = await readContentVersion(handle().db);
    // As if another process's refresh, of a later version, had overtaken this one.
    await handle()
      .db.updateTable('municipality_today')
      .set({ version: version + 1 })
      .execute();
    expect(await refreshMunicipalityToday(handle().db, TODAY)).toBe(0);
    const versions = await handle()
      .db.selectFrom('municipality_today')
      .select('version')
      .distinct()
      .execute();
    expect(versions.map((row) => Number(row.version))).toEqual([version + 1]);
    // Read past, since they are not of the version the database is at.
    expect(await askerOn()).toEqual(truth);
  });

  it('is kept current by the keeper: at once, and after a write from another process', async () => {
    const keeper = keepMunicipalityToday(handle(), () => TODAY);
    const fresh_ = async () => {
      const { rows } = await sql<{ n: number }>`select count(*)::int as n
        from municipality_today s join content_version cv on cv.version = s.version
        where s.as_of = cast(${TODAY} as date)`.execute(handle().db);
      const all = await handle()
        .db.selectFrom('municipality')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return rows[0]?.n === Number(all.n);
    };
    try {
      await until(fresh_);
      const before = await readContentVersion(handle().db);
      // A write the way another process makes it: over a connection of its own on PostgreSQL.
      const url = fresh.url();
      const writer = url === undefined ? handle() : await openDatabase({ databaseUrl: url });
      try {
        await writer.db
          .updateTable('region')
          .set({ name: 'Hallingdalsregionen' })
          .where('slug', '=', 'hallingdal')
          .execute();
      } finally {
        if (writer !== handle()) await writer.close();
      }
      await until(async () => (await readContentVersion(handle().db)) > before && fresh_());
    } finally {
      keeper.stop();
      await keeper.settled();
    }
  });
});
