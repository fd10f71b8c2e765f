import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import {
  type DbHandle,
  GENERIC_PLAN,
  listMunicipalities,
  listProjects,
  preparable,
  search,
  seedSynthetic,
  seedSyntheticResources,
} from '../src/index.ts';
import { searchDense } from '../src/resource/search.ts';
import { onEachEngine, plainPostgres, TODAY } from './engines.ts';

// Reads are prepared once per PostgreSQL connection, so that PostgreSQL does not parse and plan
// them again on every call (docs/decisions/0040); writes and full-text searches are not, except
// the signature walk, whose plan its text fixes (docs/decisions/0046).

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
  expect(preparable(`${GENERIC_PLAN}with q as (select 1) select 1 from search_document`)).toBe(
    true,
  );
  expect(preparable(`${GENERIC_PLAN}with x as (delete from session returning 1) select 1`)).toBe(
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
        // Of the searches, only those that begin with GENERIC_PLAN are prepared (the one for
        // «klima»); the theme's without words is planned each time.
        const searches = ours.filter((row) => row.statement.includes('search_document'));
        expect(searches.every((row) => row.statement.startsWith(GENERIC_PLAN))).toBe(true);
        expect(searches.some((row) => row.statement.includes('facet_tokens @>'))).toBe(false);
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

  // PostgreSQL only, as above.
  it.runIf(fresh.engine === 'postgres')(
    'keeps one generic plan for a signature walk and for a sparse search without filters, with the answers of an unprepared search',
    async () => {
      // Enough resources for common words to be dense, so that the search walks (decision 41).
      await seedSyntheticResources(handle.db, 3000);
      const now = new Date('2026-11-27T12:00:00Z');
      const walks = [
        { q: 'kommunene ' },
        { q: 'anskaffelse ' },
        { q: 'kommunene ', cursor: 'bzoyMA' },
        { q: 'energi ', limit: 5 },
      ];
      const sparse = [
        { q: 'fjernvarme ' },
        { q: 'klimatilpasning ' },
        { q: 'fjernvarme ', limit: 5 },
      ];
      // Planned each time: a sparse search with a filter, and a search without words.
      const planned = [{ q: 'fjernvarme ', kind: 'guide' as const }, { theme: 'mobilitet' }];
      for (const query of walks) expect(await searchDense(handle.db, query, now)).toBe(true);
      for (const query of sparse) expect(await searchDense(handle.db, query, now)).toBe(false);
      const queries = [...walks, ...sparse, ...planned];
      // The same searches unprepared: a pool of its own, without the prepared reads of openDatabase.
      const plain = plainPostgres(fresh.url());
      try {
        const expected: Awaited<ReturnType<typeof search>>[] = [];
        for (const query of queries) expected.push(await search(plain, query, now));
        await handle.db.connection().execute(async (connection) => {
          // Three rounds: five custom plans, then the generic one, for other words and pages too.
          for (let round = 0; round < 3; round++)
            for (const [i, query] of queries.entries())
              expect(await search(connection, query, now)).toEqual(expected[i]);
          const { rows } = await sql<{ generic: number; custom: number; walks: boolean }>`
            select generic_plans::int as generic, custom_plans::int as custom,
              statement like '%search_document_newest%' or statement like '%get_bit%' as walks
            from pg_prepared_statements
            where name like 'kk_%' and statement like '%search_document%'
            order by walks desc`.execute(connection);
          // One statement for each shape, whatever the words, the page and its size, and none
          // for the searches planned each time.
          expect(rows).toEqual([
            { walks: true, custom: 5, generic: walks.length * 3 - 5 },
            { walks: false, custom: 5, generic: sparse.length * 3 - 5 },
          ]);
        });
      } finally {
        await plain.destroy();
      }
    },
  );
});
