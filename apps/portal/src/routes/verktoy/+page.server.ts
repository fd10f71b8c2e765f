import { pageLinks } from '#lib/filters.ts';
import { parseResourceFilter, resourceQuery } from '#lib/resource-filter.ts';
import { apiFor, unlessRefused } from '#lib/server/api.ts';
import type { PageServerLoad } from './$types';

const PAGE_SIZE = 20;

export const load: PageServerLoad = async ({ fetch, url }) => {
  const { filter, valid } = parseResourceFilter(url.searchParams);
  // A filter that cannot match anything (a malformed value, a cursor the search did not hand
  // out) is not sent: the page shows no result, as a refused one.
  const result = valid
    ? await unlessRefused(apiFor(fetch).resources.list(resourceQuery(filter, PAGE_SIZE)))
    : null;
  return {
    filter,
    result,
    ...pageLinks('/verktoy', filter, result?.nextCursor),
  };
};
