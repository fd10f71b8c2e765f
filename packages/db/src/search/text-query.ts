import { MAX_SEARCH_DEPTH, parseSearchQuery, type SnippetPart } from '@klimakommuner/domain';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import { InvalidCursorError } from '../content/cursor.ts';
import type { Database } from '../schema.ts';

// What every search over search_document shares (the library's and `/sok`): the tsquery of what
// was typed, snippets marked by ts_headline, and page cursors (an offset within the candidates).

const START = '\uE000';
const STOP = '\uE001';
/** How much of an item's text ts_headline reads for its snippet. */
export const SNIPPET_SOURCE = 20_000;
export const HEADLINE_OPTIONS = `StartSel=${START}, StopSel=${STOP}, MaxWords=30, MinWords=12, ShortWord=2, MaxFragments=2, FragmentDelimiter=" … "`;

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
  return sql`(websearch_to_tsquery('norwegian', ${text}) &&
    (to_tsquery('norwegian', ${pattern}) || to_tsquery('simple', ${pattern})))`;
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
 * The newest MAX_SEARCH_DEPTH + 1 rows of search_document `d` where `where` holds (`columns` of
 * them, which must include published_on and slug). Dense: the newest-first index is walked and
 * stops early. Sparse: the subquery fence keeps PostgreSQL from walking that index testing every
 * document (a detoast each), so it takes the GIN index (with the filters' indexes) instead.
 */
export const newestMatches = (
  columns: RawBuilder<unknown>,
  where: RawBuilder<unknown>,
  dense: boolean,
): RawBuilder<unknown> =>
  dense
    ? sql`select ${columns} from search_document d where ${where}
        order by d.published_on desc nulls last, d.slug limit ${MAX_SEARCH_DEPTH + 1}`
    : sql`select * from (select ${columns} from search_document d where ${where} offset 0) d
        order by d.published_on desc nulls last, d.slug limit ${MAX_SEARCH_DEPTH + 1}`;
