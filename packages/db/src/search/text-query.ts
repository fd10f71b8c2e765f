import {
  MAX_SEARCH_DEPTH,
  parseSearchQuery,
  type SearchQuery,
  type SnippetPart,
} from '@klimakommuner/domain';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import { InvalidCursorError } from '../content/cursor.ts';
import { planIndependent } from '../content/generic-plan.ts';
import type { Database } from '../schema.ts';

// What every search over search_document shares (the library's and `/sok`): the tsquery of what
// was typed, snippets marked by ts_headline, and page cursors (an offset within the candidates).

const START = '\uE000';
const STOP = '\uE001';
/** How much of an item's text ts_headline reads for its snippet. */
const SNIPPET_SOURCE = 20_000;
const HEADLINE_OPTIONS = `StartSel=${START}, StopSel=${STOP}, MaxWords=30, MinWords=12, ShortWord=2, MaxFragments=2, FragmentDelimiter=" … "`;

export const encodeOffset = (offset: number): string =>
  Buffer.from(`o:${offset}`, 'utf8').toString('base64url');

export const decodeOffset = (cursor: string): number => {
  const match = /^o:([1-9]\d{0,6})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  const offset = match?.[1] === undefined ? Number.NaN : Number(match[1]);
  if (!(offset > 0 && offset < MAX_SEARCH_DEPTH)) throw new InvalidCursorError();
  return offset;
};

/** The tsquery of `q` (websearch words, the last one also as a prefix); null for no query. */
export const tsqueryOf = (q: string): RawBuilder<unknown> | null => {
  const { text, prefix } = parseSearchQuery(q);
  if (prefix === null) return text === '' ? null : sql`websearch_to_tsquery('norwegian', ${text})`;
  // The prefix holds only letters and digits (parseSearchQuery), so it is a tsquery word as is:
  // stemmed («anskaffelse» → anskaff:*) and as typed («anskaffel:*» against the unstemmed words).
  const pattern = `${prefix}:*`;
  // Where the stem is what was typed («mal»), this is `'mal':* | 'mal':*`. Keep the repeat: ts_rank
  // counts each item once, and with `'mal':*` alone PostgreSQL added the GIN index of the words to
  // a filtered search's bitmap (50 068 documents at 100 000 for «mal» of one kind and owner): the
  // count took 24–33 ms instead of 7–10 ms (docs/benchmarks.md, 2026-12-01 06:33).
  const typed = sql`(to_tsquery('norwegian', ${pattern}) || to_tsquery('simple', ${pattern}))`;
  // Only a word being typed: no websearch part, which for no text is an empty tsquery that
  // PostgreSQL reports in a NOTICE to the client at every use (three a search).
  if (text === '') return typed;
  return sql`(websearch_to_tsquery('norwegian', ${text}) && ${typed})`;
};

/**
 * The snippet of search_document `d` for `q`, marked by ts_headline: `words` is the tsquery the
 * search matched with. The word being typed also matches the unstemmed words as a prefix
 * («anskaffel» finds «anskaffelser»), but ts_headline reads the text with the norwegian config,
 * whose stem («anskaff») does not start with «anskaffel», so it would mark nothing. The stems of
 * `d`'s words that start with what is typed are added to the headline's query, for the snippet
 * only, joined by «or» into a websearch query: that never fails on its syntax, and a stem «or»
 * is left out so as not to be read as the operator. A stop word has no stem, and no stems give
 * no query at all (not an empty one, which would send a NOTICE).
 */
export const headlineOf = (q: string, words: RawBuilder<unknown>): RawBuilder<unknown> => {
  const { prefix } = parseSearchQuery(q);
  const typed =
    prefix === null
      ? null
      : sql`(select websearch_to_tsquery('simple', string_agg(s, ' or '))
          from unnest(tsvector_to_array(to_tsvector('norwegian', (select string_agg(l, ' ')
            from unnest(tsvector_to_array(d.document)) l
            where starts_with(l, ${planIndependent(prefix, 'text')}))))) s
          where s <> 'or')`;
  // tsquery || null is null: without such stems the words alone mark the snippet.
  const marked = typed === null ? words : sql`coalesce(${words} || ${typed}, ${words})`;
  return sql`ts_headline('norwegian', left(concat_ws(' ', nullif(d.summary, ''),
      nullif(d.body_text, ''), nullif(d.file_text, '')), ${SNIPPET_SOURCE}), ${marked},
      ${HEADLINE_OPTIONS})`;
};

/** A ts_headline with START/STOP marks as plain-text parts. */
export const snippetParts = (headline: string): SnippetPart[] => {
  const parts: SnippetPart[] = [];
  let match = false;
  for (const piece of headline.split(new RegExp(`([${START}${STOP}])`))) {
    if (piece === START) match = true;
    else if (piece === STOP) match = false;
    else if (piece !== '') parts.push({ text: piece, match });
  }
  return parts;
};

/**
 * From this share of all documents on, the matches are dense enough that walking the
 * newest-first index finds the newest MAX_SEARCH_DEPTH + 1 of them soonest (few rows are passed
 * over, each a detoast and a test); below it, the GIN index (with the filters' indexes) finds
 * every match and the newest are sorted out. Measured at 100 000 documents (docs/decisions/0035).
 */
export const DENSE_SHARE = 0.08;

interface PlanNode {
  readonly 'Relation Name'?: string;
  readonly 'Plan Rows'?: number;
  readonly Plans?: readonly PlanNode[];
}

/** The row estimates of the scans of search_document in `node`, in the order of the plan. */
const scanEstimates = (node: PlanNode): number[] =>
  node['Relation Name'] === 'search_document'
    ? [node['Plan Rows'] ?? 0]
    : (node.Plans ?? []).flatMap(scanEstimates);

/**
 * For each of `wheres` (over search_document `d`), whether PostgreSQL expects it to hold for
 * DENSE_SHARE of the documents or more: its own estimates, asked in ONE statement (EXPLAIN,
 * not run).
 */
export const expectsDense = async (
  db: Kysely<Database>,
  wheres: readonly RawBuilder<unknown>[],
): Promise<boolean[]> => {
  const counts = [...wheres, sql`true`].map(
    (where, i) =>
      sql`(select count(*) from search_document d where ${where}) as ${sql.ref(`n${i}`)}`,
  );
  const { rows } = await sql<{
    'QUERY PLAN': unknown;
  }>`explain (format json) select ${sql.join(counts)}`.execute(db);
  const raw = rows[0]?.['QUERY PLAN'];
  const plans = (typeof raw === 'string' ? JSON.parse(raw) : raw) as readonly { Plan: PlanNode }[];
  const estimates = plans[0] ? scanEstimates(plans[0].Plan) : [];
  const all = estimates[wheres.length] ?? 0;
  return wheres.map((_, i) => all > 0 && (estimates[i] ?? 0) >= all * DENSE_SHARE);
};

/**
 * Whether websearch_to_tsquery demands every word of `text` of a match: no `or` and no `-`
 * anywhere (either may make a word optional or excluded; a `-` inside a word or an «or» that
 * is a word of its own are left out too, to be safe). Quoted phrases demand all their words.
 */
export const allWordsRequired = (text: string): boolean =>
  !text.includes('-') && !text.split(/[^\p{L}\p{N}]+/u).some((w) => w.toLowerCase() === 'or');

/**
 * The filters a search has, named as kk_facet_tokens names them in a document's signature (only
 * these keys: each one given becomes a token).
 */
export type FacetFilters = Pick<
  SearchQuery,
  'kind' | 'theme' | 'project' | 'organisation' | 'municipality'
> & { readonly type?: string | undefined };

/**
 * The signature bits (kk_signature, migration 2026_12_02_search_signature) that every document
 * matching the words of `q` and `filters` holds: its words' lexemes when they are all required,
 * the first six (or four) letters of the word being typed (when its stem and its lower-cased
 * form both keep them: every lexeme it matches as a prefix then starts with them) and the filters' facet tokens. Null
 * without words (PostgreSQL's own plan over the filters' indexes is then the better one) and
 * when it would ask for nothing beyond the type (the walk would then read every document it
 * passes twice over).
 */
export const signatureMask = (q: string, filters: FacetFilters): RawBuilder<unknown> | null => {
  const tokens = signatureTokens(q, filters);
  return tokens === null ? null : sql`kk_signature(${tokens})`;
};

/**
 * The facet tokens of `filters` as kk_facet_tokens writes them into a document's signature and
 * its `facet_tokens` column (`kind:guide`, `theme:mobilitet`, …), in the order of `filters`.
 */
export const facetTokens = (filters: FacetFilters): string[] =>
  Object.entries(filters).flatMap(([name, value]) =>
    value === undefined ? [] : [`${name}:${value}`],
  );

/**
 * The tokens (a text[]) whose bits make signatureMask: the words', the prefix's and the
 * filters', in that order. Null where signatureMask is null.
 */
export const signatureTokens = (q: string, filters: FacetFilters): RawBuilder<unknown> | null => {
  const { text, prefix } = parseSearchQuery(q);
  const facets = facetTokens(filters);
  const words = text !== '' && allWordsRequired(text);
  // Letters, not UTF-16 units, as PostgreSQL's left() counts them.
  const letters = [...(prefix ?? '')];
  const size = letters.length >= 6 ? 6 : 4;
  const start = letters.length >= size ? letters.slice(0, size).join('') : null;
  const narrowed = Object.entries(filters).some(([n, v]) => n !== 'type' && v !== undefined);
  if ((text === '' && prefix === null) || (!words && start === null && !narrowed)) return null;
  const tokens = [
    words ? sql`tsvector_to_array(to_tsvector('norwegian', ${text}))` : sql`'{}'::text[]`,
    start === null
      ? sql`'{}'::text[]`
      : sql`(case when (select coalesce(bool_and(left(l, ${size}) = ${start}), true)
            from unnest(tsvector_to_array(to_tsvector('norwegian', ${prefix})
              || to_tsvector('simple', ${prefix}))) l)
          then array[${`prefix:${start}`}] else '{}'::text[] end)`,
    sql`${sql.val(facets)}::text[]`,
  ];
  return sql.join(tokens, sql` || `);
};

/**
 * Whether `signature` holds every bit of `mask`. Written as `>=`, which for bit strings of one
 * length holds exactly when `signature & mask` equals `mask` (the AND can only clear bits of the
 * mask, which makes it compare lower). The definition the walk's test (admitsBits) is checked
 * against.
 */
export const admits = (signature: RawBuilder<unknown>, mask: RawBuilder<unknown>) =>
  sql`(${signature} & ${mask}) >= ${mask}`;

/** The length of kk_signature's bit strings. */
export const SIGNATURE_BITS = 2048;
/** The most bits the walk tests one by one (more would only cost; fewer only admit more). */
export const MAX_WALK_BITS = 32;

/** What the walk tests: a search's tokens, and how many of their bits to test one by one. */
export interface SignatureWalk {
  readonly tokens: RawBuilder<unknown>;
  readonly bits: number;
}

/**
 * The walk of `q` and `filters` (signatureTokens; null where they are null). How many bits its
 * mask can have, at most, is two per token: per word of `q` (counted generously, as runs of
 * letters and digits, each of which to_tsvector may split in two), the typed word's prefix and
 * each filter.
 */
export const signatureWalk = (q: string, filters: FacetFilters): SignatureWalk | null => {
  const tokens = signatureTokens(q, filters);
  if (tokens === null) return null;
  const runs = q.split(/[^\p{L}\p{N}]+/u).filter((w) => w !== '').length;
  const facets = Object.values(filters).filter((v) => v !== undefined).length;
  return { tokens, bits: Math.min(MAX_WALK_BITS, 2 * (2 * runs + 1 + facets)) };
};

/**
 * The positions of the bits kk_signature sets for `tokens` (the set bits of their mask), as an
 * int[] in the order of the tokens (words first: most documents a walk passes lack the first bit
 * it tests), each once. The same hashing as kk_signature (migration
 * 2026_12_02_search_signature: the first and the second 32 bits of the token's md5, modulo 2048),
 * without building the 2048 bits; test/search/signature.test.ts checks that the two agree.
 */
export const tokenPositions = (tokens: RawBuilder<unknown>) =>
  sql`array(select y.p from (
      select (('x' || substr(x.h, v.s, 8))::bit(32)::int & ${sql.lit(SIGNATURE_BITS - 1)}) as p,
        x.o * 16 + v.s as k
      from (select md5(t) as h, o from unnest(${tokens}) with ordinality u(t, o)
        where t is not null) x
      cross join (values (1), (9)) v(s)) y
    group by y.p order by min(y.k))`;

/**
 * Whether `signature` holds the first `bits` of the set bits in `positions` (tokenPositions, of
 * tokens with at most `bits` set bits: then exactly when `admits` holds for their mask). One
 * get_bit per bit, in a CASE that stops at the first bit missing: most entries a walk passes lack
 * the first bit it tests, so this costs a fraction of ANDing the 2048 bits, which also allocates
 * a new bit string per entry. PostgreSQL estimates a CASE at half the rows, so it keeps walking
 * the index for the first matches. A missing position (the mask has fewer bits) repeats the
 * first one; with no bit at all, get_bit of null is null and the CASE holds.
 */
export const admitsBits = (
  signature: RawBuilder<unknown>,
  positions: (i: number) => RawBuilder<unknown>,
  bits: number,
) =>
  sql`(case ${sql.join(
    Array.from(
      { length: bits },
      (_, i) => sql`when get_bit(${signature}, ${positions(i + 1)}) = 0 then false`,
    ),
    sql` `,
  )} else true end)`;

/**
 * What a candidate of newestMatches carries so that it can be ranked after: its document when
 * `dense` (read anyway to test the match, and passed on in order by the LIMIT), else its row's
 * address. A sparse search sorts every match, thousands at times, and with their documents the
 * sort went over work_mem and to disk: 5–7 ms of a «"sirkulær økonomi"» of 2 490 matches at
 * 100 000 documents. rankCarried reads the document again by the address (a TID scan, no index)
 * for the newest MAX_SEARCH_DEPTH only.
 */
export const carriedForRank = (dense: boolean) => (dense ? sql`d.document` : sql`d.ctid as tid`);

/** The rank of candidate `c` (carrying carriedForRank(`dense`)) for `tsquery`. */
export const rankCarried = (dense: boolean, tsquery: RawBuilder<unknown>) =>
  dense
    ? sql`ts_rank(c.document, ${tsquery})`
    : sql`(select ts_rank(x.document, ${tsquery}) from search_document x where x.ctid = c.tid)`;

/**
 * The newest MAX_SEARCH_DEPTH + 1 rows of search_document `d` where `where` holds (`columns` of
 * them, which must include published_on and slug). Dense: the newest-first index is walked and
 * stops early; with a `walk` (signatureWalk of the same search) it tests each entry's signature
 * in the index bit by bit (admitsBits) and reads only the documents it admits, without one it
 * reads each document it passes (a detoast and a test). Sparse: the subquery fence keeps
 * PostgreSQL from walking that index, so it takes the GIN index (with the filters' indexes)
 * instead.
 *
 * The signature walk is one join under the LIMIT, not an ordered subquery: PostgreSQL plans a
 * subquery for all its rows, and then a sorted sequential scan could cost less than walking the
 * whole index; under the LIMIT it costs the walk for the first matches only. The lateral lookup
 * has `limit 1` (the key is unique) so that PostgreSQL cannot flatten it into a hash join over
 * every admitted document.
 */
export const newestMatches = (
  columns: RawBuilder<unknown>,
  where: RawBuilder<unknown>,
  dense: boolean,
  walk: SignatureWalk | null = null,
): RawBuilder<unknown> =>
  !dense
    ? sql`select * from (select ${columns} from search_document d where ${where} offset 0) d
        order by d.published_on desc nulls last, d.slug limit ${sql.lit(MAX_SEARCH_DEPTH + 1)}`
    : walk === null
      ? sql`select ${columns} from search_document d where ${where}
        order by d.published_on desc nulls last, d.slug limit ${sql.lit(MAX_SEARCH_DEPTH + 1)}`
      : sql`with mask as materialized (select ${tokenPositions(walk.tokens)} as positions)
        select d.* from search_document s cross join lateral (
          select ${columns} from search_document d
          where d.type = s.type and d.id = s.id and ${where} limit 1
        ) d
        where ${admitsBits(
          sql.ref('s.signature'),
          (i) => sql`(select coalesce(m.positions[${sql.lit(i)}], m.positions[1]) from mask m)`,
          walk.bits,
        )}
        order by s.published_on desc nulls last, s.slug limit ${sql.lit(MAX_SEARCH_DEPTH + 1)}`;
