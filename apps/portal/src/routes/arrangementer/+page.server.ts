import { eventQuery, parseEventFilter } from '#lib/calendar/filter.ts';
import { pageLinks } from '#lib/filters.ts';
import { apiFor, unlessRefused } from '#lib/server/api.ts';
import type { PageServerLoad } from './$types';

const PAGE_SIZE = 20;

export const load: PageServerLoad = async ({ fetch, url }) => {
  const { filter, valid } = parseEventFilter(url.searchParams);
  const api = apiFor(fetch);
  // Started together so httpBatchLink sends them as one request. A filter that cannot match
  // anything (a malformed value, a cursor the list did not hand out) is not sent.
  const [result, options] = await Promise.all([
    valid ? unlessRefused(api.events.list(eventQuery(filter, PAGE_SIZE))) : null,
    api.events.filters(),
  ]);
  return { filter, result, options, ...pageLinks('/arrangementer', filter, result?.nextCursor) };
};
