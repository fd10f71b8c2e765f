import { RSS_TYPE } from '#lib/feeds/articles.ts';
import { articleFeedFor } from '../feed.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ fetch, url }) =>
  new Response((await articleFeedFor(url, fetch)).rss2(), {
    headers: { 'content-type': RSS_TYPE },
  });
