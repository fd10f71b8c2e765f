/**
 * The /sok search's state lives in the URL (a GET form and links): the words, the kind of
 * content chosen in the facet, and the page. Each parameter is decoded with the domain's value
 * schema, the one the API's input uses.
 */
import {
  Cursor,
  MAX_SEARCH_QUERY,
  maxText,
  type SiteSearchQuery,
  SiteSearchType,
} from '@klimakommuner/domain';
import { filterSearch, type Parsed, read } from './filters.ts';

export type SiteSearchFilter = {
  /** The words searched for, as typed. */
  readonly q: string | null;
  /** The kind of content chosen ('project', …). */
  readonly type: SiteSearchType | null;
  /** Opaque cursor from the previous page. */
  readonly fra: string | null;
};

export function parseSiteSearch(params: URLSearchParams): Parsed<SiteSearchFilter> {
  const q = read(params, 'q', maxText(MAX_SEARCH_QUERY));
  const type = read(params, 'type', SiteSearchType);
  const fra = read(params, 'fra', Cursor);
  const valid = q.ok && type.ok && fra.ok;
  // The words stay in the field as typed, even when too long, so they can be shortened.
  return { filter: { q: q.raw, type: type.value, fra: valid ? fra.value : null }, valid };
}

/** What search.site is asked for this filter (null: no words, nothing to ask). */
export function siteSearchQuery(filter: SiteSearchFilter, limit: number): SiteSearchQuery | null {
  if (filter.q === null) return null;
  return {
    q: filter.q,
    limit,
    ...(filter.type ? { type: filter.type } : {}),
    ...(filter.fra ? { cursor: filter.fra } : {}),
  };
}

/** The same words with another kind chosen (null: every kind), from the first page. */
export const siteSearchHref = (filter: SiteSearchFilter, type: SiteSearchType | null): string =>
  `/sok${filterSearch({ ...filter, type, fra: null }, null)}`;
