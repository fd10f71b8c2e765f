import {
  DEFAULT_SEARCH_LIMIT,
  FACETS,
  type FacetValue,
  MAX_SEARCH_DEPTH,
  MAX_SEARCH_LIMIT,
  NO_PROJECT_LABEL,
  type ResourceKind,
  resourceKindLabel,
  SEARCH_TYPES,
  type SearchFacets,
  type SearchHit,
  type SearchQuery,
  type SearchResult,
} from '@klimakommuner/domain';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import { GENERIC_PLAN } from '../client.ts';
import { planIndependent } from '../content/generic-plan.ts';
import { collator } from '../content/order.ts';
import type { Database } from '../schema.ts';
import {
  carriedForRank,
  decodeOffset,
  encodeOffset,
  expectsDense,
  facetTokens,
  headlineOf,
  newestMatches,
  rankCarried,
  signatureWalk,
  snippetParts,
  tsqueryOf,
} from '../search/text-query.ts';
import { projectIsPublic, summaryFields } from './sql.ts';

// The library's search (docs/contracts-resources.md; `/sok` is ../search/site-search.ts): full-text
// search over search_document, ranked, with snippets, facets and the page in one statement (after
// one EXPLAIN that tells whether the matches are dense: search/text-query.ts).

interface Row {
  readonly total: number;
  readonly more: boolean;
  readonly items: readonly (Omit<SearchHit, 'snippet'> & { readonly headline: string })[];
  readonly facets: Record<(typeof FACETS)[number], FacetValue[] | null>;
}

const byCountThenLabel = (a: FacetValue, b: FacetValue) =>
  b.count - a.count || collator.compare(a.label, b.label) || (a.value < b.value ? -1 : 1);

/**
 * Searches the published, visible items at `now`. Everything is decided in SQL: matching,
 * filters, the newest MAX_SEARCH_DEPTH matches as candidates (so a word in most items costs no
 * more than a rare one), their ranking, the page, snippets for the page only, the total and
 * each facet's counts over the candidates. Throws InvalidCursorError on a cursor it did not
 * hand out.
 */
export const search = async (
  db: Kysely<Database>,
  query: SearchQuery,
  now: Date = new Date(),
): Promise<SearchResult> => {
  const dense = await searchDense(db, query, now);
  const { statement, limit, offset } = searchStatement(query, now, dense);
  const { rows } = await statement.execute(db);
  const row = rows[0];
  if (!row) throw new Error('The search answered no row');
  const items = row.items.slice(0, limit).map(({ headline, ...hit }) => ({
    ...hit,
    snippet: snippetParts(headline ?? ''),
  }));
  const facets = Object.fromEntries(
    FACETS.map((name) => [
      name,
      (row.facets[name] ?? [])
        .map((v) =>
          name === 'kind' ? { ...v, label: resourceKindLabel(v.value as ResourceKind) } : v,
        )
        .sort(byCountThenLabel),
    ]),
  ) as unknown as SearchFacets;
  const next = offset + limit;
  return {
    items,
    total: Number(row.total),
    more: row.more,
    facets,
    nextCursor: row.items.length > limit && next < MAX_SEARCH_DEPTH ? encodeOffset(next) : null,
  };
};

/**
 * Whether `search` walks the newest-first index for `query` (one EXPLAIN; exported so that a
 * benchmark can EXPLAIN the statement the search sends). Without words PostgreSQL's own choice
 * is good (no document is tested), so no estimate is asked.
 */
export const searchDense = async (
  db: Kysely<Database>,
  query: SearchQuery,
  now: Date,
): Promise<boolean> => {
  if (tsqueryOf(query.q ?? '') === null) return true;
  const [dense = true] = await expectsDense(db, [searchFilters(query, now)]);
  return dense;
};

/** The filters of `query` that are facet tokens (kk_facet_tokens), in the signature's order. */
const facetFiltersOf = ({ kind, theme, project, organisation, municipality }: SearchQuery) => ({
  kind,
  theme,
  project,
  organisation,
  municipality,
});

/** The signature walk of `query` (its words and filters), or null when it has none. */
const walkOf = (query: SearchQuery) =>
  signatureWalk(query.q ?? '', { type: query.type ?? 'resource', ...facetFiltersOf(query) });

/**
 * Where search_document `d` holds what `query` asks for, visible at `now`. `fixed`: every value
 * planIndependent, and the words read from the statement's CTE `q` (searchStatement's walk).
 */
export const searchFilters = (
  query: SearchQuery,
  now: Date,
  fixed = false,
): RawBuilder<unknown> => {
  const tsquery = tsqueryOf(query.q ?? '');
  const value = (v: string | Date, type: 'text' | 'timestamptz') =>
    fixed ? planIndependent(v, type) : sql`${v}`;
  const filters: RawBuilder<unknown>[] = [
    sql`(d.visible_from is null or d.visible_from <= ${value(now, 'timestamptz')})`,
  ];
  if (tsquery !== null) filters.push(sql`d.document @@ ${fixed ? WORDS : tsquery}`);
  // The library's search: resources only (`/sok` over every kind is searchSite). Under a generic
  // plan the type is a literal, one of SEARCH_TYPES: hidden, PostgreSQL took it for selective and
  // combined the primary key's 100 000 entries with the GIN index's 2 500.
  const type = query.type ?? 'resource';
  filters.push(
    sql`d.type = ${fixed && SEARCH_TYPES.includes(type) ? sql.lit(type) : value(type, 'text')}`,
  );
  // The other filters are facet tokens, all looked up in one GIN index (docs/decisions/0047).
  const tokens = facetTokens(facetFiltersOf(query));
  if (tokens.length > 0)
    filters.push(
      sql`d.facet_tokens @> array[${sql.join(tokens.map((t) => value(t, 'text')))}]::text[]`,
    );
  return sql.join(filters, sql` and `);
};

/** The words of a walk's statement, computed once in its CTE `q`. */
const WORDS = sql`(select q.words from q)`;

/**
 * The statement `search` sends after asking whether the matches are dense (exported so a
 * benchmark can EXPLAIN it).
 */
export const searchStatement = (query: SearchQuery, now: Date, dense: boolean) => {
  const limit = Math.min(
    MAX_SEARCH_LIMIT,
    Math.max(1, Math.floor(query.limit ?? DEFAULT_SEARCH_LIMIT)),
  );
  const offset = query.cursor ? decodeOffset(query.cursor) : 0;
  const typed = tsqueryOf(query.q ?? '');
  // A signature walk with words is prepared, and PostgreSQL keeps one generic plan for it
  // (docs/decisions/0046): its text fixes the plan, and every value in it is planIndependent, so
  // that custom plans cost what the generic plan costs. Its words are computed once, in `q`.
  // So is a sparse search without filters: the GIN index is then its only way, and a generic
  // plan takes it too. With filters, which indexes to combine depends on their selectivity.
  const walk = walkOf(query);
  const walks = dense && walk !== null && typed !== null;
  const filtered = facetTokens(facetFiltersOf(query)).length > 0;
  const generic = walks || (!dense && typed !== null && !filtered);
  const tsquery = generic ? WORDS : typed;
  const number = (n: number) => (generic ? sql`(select cast(${n} as int))` : sql`${n}`);
  const moment = generic ? planIndependent(now, 'timestamptz') : now;
  const rank = tsquery === null ? sql`0::real` : rankCarried(dense, tsquery);
  // Newest first (the candidates' order too); with a query, the best match first. PostgreSQL
  // walks the date index testing each document when a word is common (it stops after 1000) and
  // goes through the GIN index when it is rare (docs/decisions/0028).
  const newest = (m: string) =>
    sql`${sql.ref(`${m}.published_on`)} desc nulls last, ${sql.ref(`${m}.slug`)}`;
  const order = (m: string) =>
    tsquery === null ? newest(m) : sql`${sql.ref(`${m}.rank`)} desc, ${newest(m)}`;
  const headline = tsquery === null ? sql`d.summary` : headlineOf(query.q ?? '', tsquery);
  const facet = (select: RawBuilder<unknown>) =>
    sql`(select json_agg(json_build_object('value', x.value, 'label', x.label, 'count', x.n))
      from (${select}) x)`;

  // The candidates carry what ranks them (carriedForRank). Facets count over the candidates
  // first and join their labels after, once per value: joining per candidate made PostgreSQL,
  // which expects a handful of candidates, build a hash of the labels for each one (30 ms for
  // the municipalities).
  // A signature walk looks up each candidate under its LIMIT, so it ranks it there, while the
  // document is at hand; the other plans rank the newest MAX_SEARCH_DEPTH after sorting them.
  const statement = sql<Row>`${generic ? sql.raw(GENERIC_PLAN) : sql``}
    with ${generic ? sql`q as materialized (select ${typed} as words),` : sql``}
    candidates as materialized (${newestMatches(
      sql`d.type, d.id, d.slug, d.kind, d.themes, d.project, d.organisation, d.municipalities,
        d.published_on${
          tsquery === null
            ? sql``
            : walks
              ? sql`, ts_rank(d.document, ${tsquery}) as rank`
              : sql`, ${carriedForRank(dense)}`
        }`,
      searchFilters(query, now, generic),
      dense,
      walk,
    )}),
    matches as materialized (
      select c.type, c.id, c.slug, c.kind, c.themes, c.project, c.organisation, c.municipalities,
        c.published_on, ${walks ? sql`c.rank` : rank} as rank
      from (select * from candidates c order by ${newest('c')} limit ${sql.lit(MAX_SEARCH_DEPTH)}) c
    ),
    page as (
      select m.* from matches m order by ${order('m')}
        limit ${number(limit + 1)} offset ${number(offset)}
    )
    select
      (select count(*) from matches) as total,
      (select count(*) > ${sql.lit(MAX_SEARCH_DEPTH)} from candidates) as more,
      (select coalesce(json_agg(json_build_object(${summaryFields(moment)}, 'type', pg.type,
          'rank', pg.rank, 'headline', ${headline}) order by ${order('pg')}), '[]'::json)
        from page pg
        join search_document d on d.type = pg.type and d.id = pg.id
        join resource r on r.id = pg.id
        join organisation o on o.id = r.owner_organisation_id
        left join project p on p.id = r.project_id) as items,
      json_build_object(
        'kind', ${facet(sql`select m.kind as value, m.kind as label, count(*) as n
          from matches m where m.kind is not null group by m.kind`)},
        'theme', ${facet(sql`select t.slug as value, t.name as label, c.n
          from (select s.slug, count(*) as n from (select unnest(m.themes) as slug from matches m) s
            group by s.slug) c join theme t on t.slug = c.slug`)},
        'project', ${facet(sql`select coalesce(p.slug, '') as value,
            coalesce(p.title, ${NO_PROJECT_LABEL}) as label, sum(c.n) as n
          from (select m.project, count(*) as n from matches m group by m.project) c
          left join project p on p.slug = c.project and ${projectIsPublic(moment)}
          group by p.slug, p.title`)},
        'organisation', ${facet(sql`select o.slug as value, o.name as label, c.n
          from (select m.organisation, count(*) as n from matches m group by m.organisation) c
          join organisation o on o.slug = c.organisation`)},
        'municipality', ${facet(sql`select mu.number as value, mu.name as label, c.n
          from (select s.number, count(*) as n
            from (select unnest(m.municipalities) as number from matches m) s group by s.number) c
          join municipality mu on mu.number = c.number`)}
      ) as facets`;
  return { statement, limit, offset };
};
