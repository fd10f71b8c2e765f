import { DEFAULT_ARTICLE_LIMIT } from '@klimakommuner/domain';
import { articleQuery, parseArticleFilter } from '#lib/feeds/article-filter.ts';
import { pageLinks } from '#lib/filters.ts';
import { apiFor, unlessRefused } from '#lib/server/api.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ fetch, url }) => {
  const { filter, valid } = parseArticleFilter(url.searchParams);
  const api = apiFor(fetch);
  // Started together so httpBatchLink sends them as one request. A filter that cannot match
  // anything (a malformed value, a cursor the list did not hand out) shows no result.
  // The filters offer only the publishers, themes and projects that public articles have.
  const [options, page] = await Promise.all([
    api.articles.filters(),
    valid
      ? unlessRefused(
          api.articles.list({
            ...articleQuery(filter),
            limit: DEFAULT_ARTICLE_LIMIT,
            ...(filter.fra ? { cursor: filter.fra } : {}),
          }),
        )
      : null,
  ]);
  return {
    filter,
    publishers: options.publishers,
    themes: options.themes,
    projects: options.projects,
    page,
    ...pageLinks('/aktuelt', filter, page?.nextCursor),
  };
};
