import { RESOURCE_KINDS, type SearchQuery } from '@klimakommuner/domain';
import fc from 'fast-check';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { seedSyntheticResources } from '../../src/index.ts';
import { searchFilters, searchStatement } from '../../src/resource/search.ts';
import { siteSearchFilters } from '../../src/search/site-search.ts';
import {
  admits,
  admitsBits,
  allWordsRequired,
  SIGNATURE_BITS,
  signatureMask,
  signatureWalk,
  tokenPositions,
} from '../../src/search/text-query.ts';
import { onEachEngine } from '../engines.ts';

// The signature walk (docs/decisions/0041) may only ever admit too many documents, never leave
// out one that matches: every document a search matches must hold every bit of the search's
// mask, whatever was typed and filtered.

const NOW = new Date('2026-11-27T12:00:00Z');

// Words the synthetic documents have, in other forms, the operators websearch knows, and
// letters PostgreSQL's parser treats in its own ways.
const WORDS = [
  'kommunene',
  'kommune',
  'anskaffelse',
  'anskaffelser',
  'anskaffel',
  'klimabudsjett',
  'klimabudsjettet',
  'klima',
  'grønne',
  'matsvinn',
  'kantiner',
  'kantina',
  'energi',
  'i',
  'og',
  'bygg',
  'bygget',
  'sirkulær',
  'økonomi',
  'solceller',
  'Ås',
  'as',
  'fjernvarme',
  'mal',
  'maler',
  'veileder',
  'or',
  'OR',
  '-',
  '-fjernvarme',
  '"',
  'e-post',
  'CO2',
  '2030',
  'æøå',
  'ROS-analyse',
  'Oregon',
  'kjøp',
  'klima|energi',
  '!kommune',
  'klima:*',
  '(energi)',
  '&',
  "'s",
  'ÅS',
];

describe('allWordsRequired', () => {
  it('is false wherever websearch could make a word optional or excluded', () => {
    expect(allWordsRequired('grønne anskaffelser')).toBe(true);
    expect(allWordsRequired('"sirkulær økonomi" kommune')).toBe(true);
    expect(allWordsRequired('Oregon kjøp')).toBe(true);
    expect(allWordsRequired('matsvinn or kantiner')).toBe(false);
    expect(allWordsRequired('matsvinn OR kantiner')).toBe(false);
    expect(allWordsRequired('matsvinn -kantiner')).toBe(false);
    expect(allWordsRequired('e-post')).toBe(false);
    expect(allWordsRequired('klima,or')).toBe(false);
  });
});

onEachEngine('search signatures', (db) => {
  let kinds: string[] = [];
  let themes: string[] = [];
  let organisations: string[] = [];
  let municipalities: string[] = [];
  let projects: string[] = [];

  beforeAll(async () => {
    await seedSyntheticResources(db().db, 400);
    const values = async (select: string) =>
      (await sql<{ v: string }>`${sql.raw(select)}`.execute(db().db)).rows.map((r) => r.v);
    kinds = [...RESOURCE_KINDS];
    themes = await values('select distinct unnest(themes) as v from search_document');
    organisations = await values('select distinct organisation as v from search_document');
    municipalities = await values(
      'select distinct unnest(municipalities) as v from search_document order by v limit 40',
    );
    projects = await values(
      'select distinct project as v from search_document where project is not null',
    );
  }, 60_000);

  const typed = fc
    .tuple(
      fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 3 }),
      fc.constantFrom('', ' ', '"'),
      fc.nat(6),
    )
    .map(([words, end, cut]) => {
      const q = words.join(' ') + end;
      // Sometimes the last word is still being typed.
      return end === '' && cut > 0 ? q.slice(0, Math.max(1, q.length - cut)) : q;
    });
  const FILTERS = ['kind', 'theme', 'organisation', 'municipality', 'project'] as const;
  const query = fc.record({
    q: fc.oneof({ weight: 4, arbitrary: typed }, fc.string({ maxLength: 20 })),
    filters: fc.subarray([...FILTERS], { maxLength: 2 }),
  });
  /** The query with its filters drawn from the values the documents have. */
  const filled = (
    raw: { q: string; filters: readonly (typeof FILTERS)[number][] },
    seed: number,
  ): SearchQuery => {
    const pools = {
      kind: kinds,
      theme: themes,
      organisation: organisations,
      municipality: municipalities,
      project: projects,
    };
    const out: Record<string, string | undefined> = { q: raw.q.replaceAll('\u0000', '') };
    for (const name of raw.filters) {
      const pool = pools[name];
      out[name] = pool[seed % Math.max(1, pool.length)];
    }
    return out as SearchQuery;
  };

  /** The filters of the library's search `q`, as its signature names them. */
  const libraryFilters = (q: SearchQuery) => ({
    type: 'resource',
    kind: q.kind,
    theme: q.theme,
    project: q.project,
    organisation: q.organisation,
    municipality: q.municipality,
  });

  it('is held by every document a search matches, whatever was typed and filtered', async () => {
    let matched = 0;
    let masked = 0;
    await fc.assert(
      fc.asyncProperty(query, fc.nat(1000), async (raw, seed) => {
        const q = filled(raw, seed);
        const mask = signatureMask(q.q ?? '', libraryFilters(q));
        if (mask === null) return;
        masked++;
        const { rows } = await sql<{ matches: number; missed: number }>`
          select count(*)::int as matches,
            (count(*) filter (where not ${admits(sql.ref('d.signature'), mask)}))::int as missed
          from search_document d where ${searchFilters(q, NOW)}`.execute(db().db);
        expect(rows[0]?.missed).toBe(0);
        matched += rows[0]?.matches ?? 0;
      }),
      { numRuns: 120 },
    );
    // The property was tested on searches that found something.
    expect(masked).toBeGreaterThan(40);
    expect(matched).toBeGreaterThan(200);
  });

  it('is held by every document /sok matches, over every kind', async () => {
    await fc.assert(
      fc.asyncProperty(typed, async (q) => {
        const mask = signatureMask(q, {});
        const where = siteSearchFilters({ q }, NOW)?.all;
        if (mask === null || where === undefined) return;
        const { rows } = await sql<{ missed: number }>`
          select count(*)::int as missed from search_document d
          where ${where} and not ${admits(sql.ref('d.signature'), mask)}`.execute(db().db);
        expect(rows[0]?.missed).toBe(0);
      }),
      { numRuns: 60 },
    );
  });

  it('tests in the walk, bit by bit, exactly the bits of the mask', async () => {
    let tested = 0;
    await fc.assert(
      fc.asyncProperty(query, fc.nat(1000), async (raw, seed) => {
        const q = filled(raw, seed);
        const filters = libraryFilters(q);
        const walk = signatureWalk(q.q ?? '', filters);
        const mask = signatureMask(q.q ?? '', filters);
        expect(walk === null).toBe(mask === null);
        if (walk === null || mask === null) return;
        tested++;
        // tokenPositions hashes as kk_signature does: the same bits, each once.
        const { rows } = await sql<{ positions: number[]; set: number[] }>`
          select ${tokenPositions(walk.tokens)} as positions,
            array(select i from generate_series(0, ${sql.lit(SIGNATURE_BITS - 1)}) i
              where get_bit(${mask}, i) = 1 order by i) as set`.execute(db().db);
        const { positions = [], set = [] } = rows[0] ?? {};
        expect([...positions].sort((a, b) => a - b)).toEqual(set);
        expect(positions.length).toBeLessThanOrEqual(walk.bits);
        // So the walk's test admits exactly the documents the mask does.
        const differ = await sql<{ n: number }>`
          with mask as (select ${tokenPositions(walk.tokens)} as positions)
          select count(*)::int as n from search_document d
          where ${admitsBits(
            sql.ref('d.signature'),
            (i) => sql`(select coalesce(m.positions[${sql.lit(i)}], m.positions[1]) from mask m)`,
            walk.bits,
          )} is distinct from ${admits(sql.ref('d.signature'), mask)}`.execute(db().db);
        expect(differ.rows[0]?.n).toBe(0);
      }),
      { numRuns: 60 },
    );
    expect(tested).toBeGreaterThan(20);
  });

  it('admits few documents that do not match', async () => {
    // A word in some of the documents: the walk should read little more than its matches.
    for (const q of ['matsvinn ', 'solceller ', 'fjernvarme']) {
      const mask = signatureMask(q, { type: 'resource' });
      if (mask === null) throw new Error(`«${q}» asks for no bits`);
      const { rows } = await sql<{ admitted: number; matches: number }>`
        select count(*) filter (where ${admits(sql.ref('d.signature'), mask)})::int as admitted,
          count(*) filter (where ${searchFilters({ q }, NOW)})::int as matches
        from search_document d`.execute(db().db);
      const { admitted = 0, matches = 0 } = rows[0] ?? {};
      expect(matches).toBeGreaterThan(5);
      expect(admitted).toBeLessThan(matches * 1.5 + 10);
    }
  });

  /** Facet values in one order (the statement aggregates them in whatever order it groups). */
  const sorted = (facets: Record<string, { value: string }[] | null> | undefined) =>
    Object.fromEntries(
      Object.entries(facets ?? {}).map(([name, values]) => [
        name,
        [...(values ?? [])].sort((a, b) => (a.value < b.value ? -1 : a.value > b.value ? 1 : 0)),
      ]),
    );

  it('finds through the signature walk exactly what reading every match finds', async () => {
    await fc.assert(
      fc.asyncProperty(query, fc.nat(1000), async (raw, seed) => {
        const q = { ...filled(raw, seed), limit: 50 };
        // dense: the newest-first walk (with the signature when there is a mask); sparse: the
        // GIN index, every match read.
        const walked = (await searchStatement(q, NOW, true).statement.execute(db().db)).rows[0];
        const read = (await searchStatement(q, NOW, false).statement.execute(db().db)).rows[0];
        expect(walked?.total).toBe(read?.total);
        expect(walked?.items.map((i) => i.slug)).toEqual(read?.items.map((i) => i.slug));
        expect(sorted(walked?.facets)).toEqual(sorted(read?.facets));
      }),
      { numRuns: 40 },
    );
  });
});
