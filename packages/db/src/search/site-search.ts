import {
  DEFAULT_SEARCH_LIMIT,
  type FacetValue,
  MAX_SEARCH_DEPTH,
  MAX_SEARCH_LIMIT,
  SITE_SEARCH_TYPES,
  type SiteSearchHit,
  type SiteSearchQuery,
  type SiteSearchResult,
  type SiteSearchType,
  siteSearchTypeLabel,
} from '@klimakommuner/domain';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema.ts';
import {
  carriedForRank,
  decodeOffset,
  encodeOffset,
  expectsDense,
  headlineOf,
  newestMatches,
  rankCarried,
  snippetParts,
  tsqueryOf,
} from './text-query.ts';

// `/sok`: one ranked list over every kind in search_document, with the kinds as a facet, in one
// statement (after one EXPLAIN that tells whether the matches are dense). The same matching, candidates (the newest MAX_SEARCH_DEPTH matches) and ranking
// as the library's search (../resource/search.ts, docs/decisions/0028).

interface Row {
  readonly total: number;
  readonly more: boolean;
  readonly items: readonly (Omit<SiteSearchHit, 'snippet'> & { readonly headline: string })[];
  readonly types: readonly { readonly value: SiteSearchType; readonly count: number }[] | null;
}

const EMPTY: SiteSearchResult = { items: [], total: 0, more: false, types: [], nextCursor: null };

/**
 * Searches everything published and visible at `now` for `q`. An empty query finds nothing
 * (the page asks for words). Throws InvalidCursorError on a cursor it did not hand out.
 */
export const searchSite = async (
  db: Kysely<Database>,
  query: SiteSearchQuery,
  now: Date = new Date(),
): Promise<SiteSearchResult> => {
  const wheres = siteSearchFilters(query, now);
  if (wheres === null) return EMPTY;
  const [dense = false, denseTyped = dense] = await expectsDense(
    db,
    wheres.typed === null ? [wheres.all] : [wheres.all, wheres.typed],
  );
  const built = siteSearchStatement(query, now, { dense, denseTyped });
  if (built === null) return EMPTY;
  const { statement, limit, offset } = built;
  const row = (await statement.execute(db)).rows[0];
  if (!row) throw new Error('The search answered no row');
  const items = row.items.slice(0, limit).map(({ headline, ...hit }) => ({
    ...hit,
    snippet: snippetParts(headline ?? ''),
  }));
  const counts = new Map((row.types ?? []).map((t) => [t.value, Number(t.count)]));
  const types: FacetValue[] = SITE_SEARCH_TYPES.filter((t) => counts.has(t)).map((t) => ({
    value: t,
    label: siteSearchTypeLabel(t),
    count: counts.get(t) ?? 0,
  }));
  const next = offset + limit;
  return {
    items,
    total: Number(row.total),
    more: row.more,
    types,
    nextCursor: row.items.length > limit && next < MAX_SEARCH_DEPTH ? encodeOffset(next) : null,
  };
};

/** Where search_document `d` matches the words at `now`, over every kind and over the chosen one; null for no words. */
export const siteSearchFilters = (query: SiteSearchQuery, now: Date) => {
  const tsquery = tsqueryOf(query.q);
  if (tsquery === null) return null;
  const all = sql`(d.visible_from is null or d.visible_from <= ${now}) and d.document @@ ${tsquery}`;
  return { all, typed: query.type === undefined ? null : sql`${all} and d.type = ${query.type}` };
};

/**
 * The statement `searchSite` sends once it knows whether the matches are dense (exported so a
 * benchmark can EXPLAIN it); null for no words.
 */
export const siteSearchStatement = (
  query: SiteSearchQuery,
  now: Date,
  { dense, denseTyped }: { readonly dense: boolean; readonly denseTyped: boolean },
) => {
  const tsquery = tsqueryOf(query.q);
  const wheres = siteSearchFilters(query, now);
  if (tsquery === null || wheres === null) return null;
  const limit = Math.min(
    MAX_SEARCH_LIMIT,
    Math.max(1, Math.floor(query.limit ?? DEFAULT_SEARCH_LIMIT)),
  );
  const offset = query.cursor ? decodeOffset(query.cursor) : 0;
  const newest = (m: string) =>
    sql`${sql.ref(`${m}.published_on`)} desc nulls last, ${sql.ref(`${m}.slug`)}`;
  // Items of the same rank and date (every municipality and organisation has no date) in Norwegian
  // order: the title's sort_key puts æ, ø and å after z, where the slug has «ae», «o» and «a»
  // (content/order.ts). The title itself is not carried: it may be out of the row (decision 45).
  const order = (m: string) =>
    sql`${sql.ref(`${m}.rank`)} desc, ${sql.ref(`${m}.published_on`)} desc nulls last,
      ${sql.ref(`${m}.sort_key`)}, ${sql.ref(`${m}.slug`)}`;
  // The candidates carry what ranks them (carriedForRank), as in the library's search.
  const denseList = wheres.typed === null ? dense : denseTyped;
  const columns = sql`d.type, d.id, d.slug, d.published_on, d.sort_key`;
  const ranked = sql`${columns}, ${carriedForRank(denseList)}`;
  const headline = headlineOf(query.q, tsquery);

  // `everything` feeds the type facet (all kinds, so the others stay offered under a filter);
  // `candidates` the list (the same set when no kind is chosen).
  const statement = sql<Row>`
    with everything as materialized (${newestMatches(
      wheres.typed === null ? ranked : columns,
      wheres.all,
      dense,
    )}),
    candidates as materialized (${
      wheres.typed === null
        ? sql`select * from everything`
        : newestMatches(ranked, wheres.typed, denseTyped)
    }),
    matches as materialized (
      select c.type, c.id, c.slug, c.published_on, c.sort_key,
        ${rankCarried(denseList, tsquery)} as rank
      from (select * from candidates c order by ${newest('c')} limit ${MAX_SEARCH_DEPTH}) c
    ),
    page as (
      select m.* from matches m order by ${order('m')} limit ${limit + 1} offset ${offset}
    )
    select
      (select count(*) from matches) as total,
      (select count(*) > ${MAX_SEARCH_DEPTH} from candidates) as more,
      (select coalesce(json_agg(json_build_object('type', d.type, 'slug', d.slug, 'title', d.title,
          'summary', d.summary, 'kind', d.kind, 'publishedOn', d.published_on, 'rank', pg.rank,
          'organisation', case when o.id is null then null else json_build_object('slug', o.slug,
            'name', o.name, 'shortName', o.short_name, 'kind', o.kind) end,
          'headline', ${headline}) order by ${order('pg')}), '[]'::json)
        from page pg
        join search_document d on d.type = pg.type and d.id = pg.id
        left join organisation o on o.slug = d.organisation) as items,
      (select json_agg(json_build_object('value', x.type, 'count', x.n))
        from (select e.type, count(*) as n
          from (select * from everything e order by ${newest('e')} limit ${MAX_SEARCH_DEPTH}) e
          group by e.type) x) as types`;
  return { statement, limit, offset };
};
