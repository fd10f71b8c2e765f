import type { ResourceKind } from './resource.ts';
import type { ResourceSummary } from './views.ts';

/**
 * The one search the library and `/sok` use (docs/contracts-resources.md): what it takes and
 * what it answers. Each searchable kind of content is a `SearchType`; resources are the first.
 */

export const SEARCH_TYPES = ['resource'] as const;
export type SearchType = (typeof SEARCH_TYPES)[number];

/** Results per page: default and most. */
export const DEFAULT_SEARCH_LIMIT = 20;
export const MAX_SEARCH_LIMIT = 50;
/**
 * How many matching items one search looks at: the newest this many (by publication date).
 * Those are ranked, paged and counted in the facets; `total` says how many of them there are
 * and `more` whether there were more matches beyond them (docs/decisions/0028). Pages go no
 * deeper either.
 */
export const MAX_SEARCH_DEPTH = 1000;
/** The longest query taken. */
export const MAX_SEARCH_QUERY = 200;

export interface SearchQuery {
  readonly q?: string | undefined;
  readonly type?: SearchType | undefined;
  readonly kind?: ResourceKind | undefined;
  /** Theme slug. */
  readonly theme?: string | undefined;
  /** Project slug. */
  readonly project?: string | undefined;
  /** Owner organisation slug. */
  readonly organisation?: string | undefined;
  /** Kommunenummer. */
  readonly municipality?: string | undefined;
  readonly limit?: number | undefined;
  readonly cursor?: string | undefined;
}

/** A piece of a snippet: plain text, `match` where it matched the query (shown as <mark>). */
export interface SnippetPart {
  readonly text: string;
  readonly match: boolean;
}

export interface SearchHit extends ResourceSummary {
  readonly type: SearchType;
  readonly snippet: readonly SnippetPart[];
  readonly rank: number;
}

export interface FacetValue {
  readonly value: string;
  readonly label: string;
  readonly count: number;
}

export const FACETS = ['kind', 'theme', 'project', 'organisation', 'municipality'] as const;
export type Facet = (typeof FACETS)[number];
export type SearchFacets = Readonly<Record<Facet, readonly FacetValue[]>>;

/** The project facet's value for items without a (public) project. */
export const NO_PROJECT_LABEL = 'Uten prosjekt';

export interface SearchResult {
  readonly items: readonly SearchHit[];
  /** How many items match, at most MAX_SEARCH_DEPTH (then `more` says there are more). */
  readonly total: number;
  /** More items match than MAX_SEARCH_DEPTH: show «over 1000 treff»; a filter narrows it. */
  readonly more: boolean;
  readonly facets: SearchFacets;
  readonly nextCursor: string | null;
}

/**
 * A query as the search runs it: `text` for websearch_to_tsquery, and the word still being
 * typed (the last one, when the query does not end in a space) to match as a prefix too.
 * `prefix` holds only letters and digits, so it can go into a tsquery as it is.
 */
export interface ParsedQuery {
  readonly text: string;
  readonly prefix: string | null;
}

const LAST_WORD = /([\p{L}\p{N}]+)$/u;

/**
 * Splits a query into the words that are done and the one being typed. A query ending in a
 * space, a quote or any other mark has no prefix; nor has a last word that is an operator
 * (`or`), an alternative (after `or`), an exclusion (after `-`) or inside quotes.
 */
export const parseSearchQuery = (q: string): ParsedQuery => {
  const text = q.replace(/\s+/g, ' ').replace(/^ /, '');
  const match = LAST_WORD.exec(text);
  if (!match?.[1]) return { text: text.trim(), prefix: null };
  const word = match[1];
  const before = text.slice(0, text.length - word.length);
  const quotes = (before.match(/"/g) ?? []).length;
  const excluded = /(^|\s)-$/.test(before);
  // «a or b»: b is an alternative, which a prefix joined with AND would turn into a demand.
  const alternative = /(^|\s)or\s$/i.test(before);
  if (quotes % 2 === 1 || excluded || alternative || word.toLowerCase() === 'or') {
    return { text: text.trim(), prefix: null };
  }
  return { text: before.trim(), prefix: word.toLowerCase() };
};
