import { ATOM_TYPE } from '#lib/feeds/articles.ts';
import { articleFeedFor } from '../feed.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ fetch, url }) =>
  new Response((await articleFeedFor(url, fetch)).atom1(), {
    headers: { 'content-type': ATOM_TYPE },
  });
