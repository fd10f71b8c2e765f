import { sql } from 'kysely';
import { Migrator } from 'kysely/migration';
import { afterAll, expect, it } from 'vitest';
import { openDatabase } from '../src/index.ts';
import { migrations } from '../src/migrations/index.ts';

// The membership-start migration on a database the previous release seeded: memberships the seed
// wrote (no 'membership.add' audit row) get an unknown start; an editor's keeps its day.
// PGlite only: the migrations themselves run on both engines in every other suite.
const handle = await openDatabase({ pgliteDir: 'memory://' });
afterAll(() => handle.close());

it('marks the seeded starts unknown and keeps the days editors entered', async () => {
  const migrator = new Migrator({
    db: handle.db,
    provider: { getMigrations: async () => migrations },
  });
  const before = await migrator.migrateTo('2026_11_29_projects');
  expect(before.error).toBeUndefined();

  const db = handle.db;
  await sql`insert into county (number, name) values ('32', 'Akershus')`.execute(db);
  await sql`insert into municipality (number, name, slug, county_number)
    values ('3203', 'Asker', 'asker', '32'), ('3201', 'Bærum', 'baerum', '32')`.execute(db);
  const org = await sql<{ id: string }>`insert into organisation (slug, name, kind)
    values ('nett', 'Nett', 'network') returning id`.execute(db);
  const orgId = org.rows[0]?.id;
  const rows = await sql<{ id: string; municipality_number: string }>`
    insert into membership (organisation_id, municipality_number, from_date)
    values (${orgId}, '3203', '2016-01-01'), (${orgId}, '3201', '2025-03-01')
    returning id, municipality_number`.execute(db);
  const byEditor = rows.rows.find((r) => r.municipality_number === '3201')?.id;
  await sql`insert into audit_log (actor_kind, action, record_type, record_id, organisation_id)
    values ('user', 'membership.add', 'membership', ${byEditor}, ${orgId})`.execute(db);

  const after = await migrator.migrateToLatest();
  expect(after.error).toBeUndefined();
  const stored = await sql<{ municipality_number: string; from_precision: string }>`
    select municipality_number, from_precision from membership order by municipality_number`.execute(
    db,
  );
  expect(stored.rows).toEqual([
    { municipality_number: '3201', from_precision: 'day' },
    { municipality_number: '3203', from_precision: 'unknown' },
  ]);
  await expect(sql`update membership set from_precision = 'month'`.execute(db)).rejects.toThrow(
    /membership_from_precision/,
  );
});
