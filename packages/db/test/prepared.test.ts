import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import {
  type DbHandle,
  listMunicipalities,
  listProjects,
  preparable,
  search,
  seedSynthetic,
} from '../src/index.ts';
import { onEachEngine, TODAY } from './engines.ts';

// Reads are prepared once per PostgreSQL connection, so that PostgreSQL does not parse and plan
// them again on every call (docs/decisions/0040); writes and full-text searches are not.

it('prepares reads, and neither writes, EXPLAIN nor full-text searches', () => {
  expect(
    preparable('select "m"."number" from "municipality" as "m" where "m"."updated_at" > $1'),
  ).toBe(true);
  expect(preparable('with "ml" as materialized (select 1) select * from "ml"')).toBe(true);
  expect(preparable('insert into "audit_log" ("x") values ($1)')).toBe(false);
  expect(preparable('update "project" set "title" = $1')).toBe(false);
  expect(preparable('with x as (delete from "session" returning 1) select * from x')).toBe(false);
  expect(preparable('select 1 from "project" for update')).toBe(false);
  expect(preparable('explain select 1')).toBe(false);
  expect(preparable('select 1 from "search_document" as d where d.document @@ $1')).toBe(false);
  // A search without words still picks its plan by the filters' selectivity.
  expect(preparable('select 1 from search_document d where d.themes @> array[$1]::text[]')).toBe(
    false,
  );
});

onEachEngine('prepared reads', (db, fresh) => {
  let handle: DbHandle;
  beforeAll(() => {
    handle = db();
  });

  // PGlite runs inside the process and has no connections to prepare on.
  it.runIf(fresh.engine === 'postgres')(
    'keeps a list’s statement prepared on its connection, with the same answers',
    async () => {
      await handle.db.connection().execute(async (connection) => {
        const filter = { membersOnly: true, limit: 50 };
        const first = await listMunicipalities(connection, filter, TODAY);
        // The sixth call on may run a generic plan; the answers must not change.
        for (let i = 0; i < 6; i++)
          expect(await listMunicipalities(connection, filter, TODAY)).toEqual(first);
        await search(connection, { q: 'klima' }, new Date());
        for (let i = 0; i < 6; i++) await search(connection, { theme: 'mobilitet' }, new Date());
        await connection
          .updateTable('municipality')
          .set({ population: 1 })
          .where(sql<boolean>`false`)
          .execute();
        const { rows } = await sql<{ name: string; statement: string }>`
        select name, statement from pg_prepared_statements`.execute(connection);
        const ours = rows.filter((row) => row.name.startsWith('kk_'));
        expect(ours.some((row) => row.statement.includes('"municipality" as "m"'))).toBe(true);
        expect(ours.some((row) => row.statement.includes('search_document'))).toBe(false);
        expect(ours.some((row) => /^\s*update/i.test(row.statement))).toBe(false);
      });
    },
  );

  // PostgreSQL only, as above: PGlite has no plan cache of prepared statements to look at.
  it.runIf(fresh.engine === 'postgres')(
    'keeps the generic plan of the project list after five calls at 100× data, with the same answers',
    async () => {
      // At 100× data a custom plan costs less than one that does not know the dates, so
      // PostgreSQL planned the list on every call (docs/benchmarks.md) until they were hidden.
      await seedSynthetic(handle.db, 100, TODAY);
      await handle.db.connection().execute(async (connection) => {
        const now = new Date('2026-11-27T12:00:00Z');
        const first = await listProjects(connection, { limit: 5 }, now, TODAY);
        // Its dates, moment and limit do not change its plan (decision 42), so PostgreSQL stops
        // planning it on every call; the later calls run one plan with other dates too.
        for (let i = 0; i < 7; i++)
          expect(await listProjects(connection, { limit: 5 }, now, TODAY)).toEqual(first);
        await listProjects(connection, { limit: 5 }, new Date(), '2027-01-01');
        const { rows } = await sql<{ generic: number; custom: number }>`
          select generic_plans::int as generic, custom_plans::int as custom
          from pg_prepared_statements
          where name like 'kk_%' and statement like 'select "pr"."id"%from "project" as "pr"%limit 6'`.execute(
          connection,
        );
        expect(rows).toHaveLength(1);
        expect(rows[0]?.generic).toBeGreaterThanOrEqual(3);
        expect(rows[0]?.custom).toBe(5);
      });
    },
  );
});
