import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { Migrator } from 'kysely/migration';
import { afterAll, expect, it } from 'vitest';
import { migrate, openDatabase } from '../../src/index.ts';
import { migrations } from '../../src/migrations/index.ts';

// Migrations 2026_12_04_search_storage (docs/decisions/0045) and 2026_12_05_search_facet_tokens
// (0047): the small columns every search reads per candidate stay in the row of search_document,
// also when the row is too big for its page share; the long text columns move out instead, and
// rows written before the migration are rewritten and vacuumed. PGlite only:
// pg_column_toast_chunk_id (PostgreSQL 17 and later) tells whether a value lives in the TOAST
// table, and the migrations run on both engines in every other suite.
const handle = await openDatabase({ pgliteDir: 'memory://' });
afterAll(() => handle.close());

const ORGANISATION = 'kommunenettverk-for-klimaomstilling';
const HOT = ['slug', 'themes', 'organisation', 'municipalities'] as const;

/** A search document of about 3 kB in all: a document of 200 words and a body of 1 500 bytes. */
const insert = async (slug: string) => {
  const id = randomUUID();
  const words = Array.from({ length: 200 }, (_, i) => `klimaord${i}`).join(' ');
  await sql`insert into search_document (type, id, slug, title, summary, body_text, kind, themes,
      organisation, municipalities, published_on)
    values ('resource', ${id}, ${slug}, 'Veileder for klimabudsjett i kommunene',
      'Slik setter kommunene opp et klimabudsjett', ${words}, 'guide',
      array['utslippskutt', 'strategisk-klimaarbeid'], ${ORGANISATION},
      array['3203', '3201', '3301'], '2026-11-01')`.execute(handle.db);
  return id;
};

/** Which of `columns` of the row are in the TOAST table. */
const outOfRow = async (id: string, columns: readonly string[]) => {
  const { rows } = await sql<Record<string, boolean>>`select ${sql.join(
    columns.map((c) => sql`pg_column_toast_chunk_id(${sql.ref(c)}) is not null as ${sql.ref(c)}`),
  )} from search_document where id = ${id}`.execute(handle.db);
  return Object.entries(rows[0] ?? {})
    .filter(([, external]) => external)
    .map(([column]) => column);
};

it('keeps the columns a search reads per candidate in the row, before and after migrating', async () => {
  const migrator = new Migrator({
    db: handle.db,
    provider: { getMigrations: async () => migrations },
  });
  expect((await migrator.migrateTo('2026_12_03_search_lookup')).error).toBeUndefined();
  const before = await insert('veileder-for');
  // What the migration mends: with `document` kept in the row, the small columns were moved out.
  expect(await outOfRow(before, HOT)).not.toEqual([]);

  await migrate(handle.db);
  // The rewritten table was vacuumed: its visibility map lets the walk read the index alone.
  const { rows: pages } = await sql<{ visible: number; pages: number }>`
    select relallvisible as visible, relpages as pages from pg_class
    where relname = 'search_document'`.execute(handle.db);
  expect(pages[0]?.visible).toBeGreaterThan(0);
  expect(pages[0]?.visible).toBe(pages[0]?.pages);
  const after = await insert('veileder-etter');
  for (const id of [before, after]) {
    expect(await outOfRow(id, HOT)).toEqual([]);
    // The filters' tokens (2026_12_05_search_facet_tokens), for the old row and the new one.
    expect(await outOfRow(id, ['facet_tokens'])).toEqual([]);
    // The row is still made to fit: the body went out instead.
    expect(await outOfRow(id, ['body_text'])).toEqual(['body_text']);
  }
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from search_document
    where organisation = ${ORGANISATION} and themes @> array['utslippskutt']
      and published_on = '2026-11-01'`.execute(handle.db);
  expect(rows[0]?.n).toBe(2);
  const { rows: tokens } = await sql<{ n: number }>`select count(*)::int as n
    from search_document where facet_tokens @> ${[
      `organisation:${ORGANISATION}`,
      'theme:utslippskutt',
      'municipality:3301',
      'kind:guide',
    ]}::text[]`.execute(handle.db);
  expect(tokens[0]?.n).toBe(2);
});
