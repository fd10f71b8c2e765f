import { FEED_ARTICLES } from '@klimakommuner/domain';
import { error } from '@sveltejs/kit';
import { articleQuery, parseArticleFilter } from '#lib/feeds/article-filter.ts';
import { buildArticleFeed } from '#lib/feeds/articles.ts';
import { apiFor, unlessRefused } from '#lib/server/api.ts';
import { publicOrigin } from '#lib/server/origin.ts';

/** The feed of /aktuelt for the request's filters (a malformed filter is a 404, no feed). */
export const articleFeedFor = async (url: URL, fetch: typeof globalThis.fetch) => {
  const { filter, valid } = parseArticleFilter(url.searchParams);
  if (!valid) error(404, 'Fant ikke siden');
  const result = await unlessRefused(apiFor(fetch).articles.feed(articleQuery(filter)));
  const items = (result?.items ?? []).slice(0, FEED_ARTICLES);
  return buildArticleFeed(publicOrigin(url), filter, items);
};
