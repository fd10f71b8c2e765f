import { pageLinks } from '#lib/filters.ts';
import { apiFor, unlessRefused } from '#lib/server/api.ts';
import { parseSiteSearch, siteSearchQuery } from '#lib/site-search.ts';
import type { PageServerLoad } from './$types';

const PAGE_SIZE = 20;

export const load: PageServerLoad = async ({ fetch, url }) => {
  const { filter, valid } = parseSiteSearch(url.searchParams);
  const query = valid ? siteSearchQuery(filter, PAGE_SIZE) : null;
  // No words: the page asks for some. Words that cannot match (too long, a stale cursor): no result.
  const result = query === null ? null : await unlessRefused(apiFor(fetch).search.site(query));
  return { filter, valid, result, ...pageLinks('/sok', filter, result?.nextCursor) };
};
