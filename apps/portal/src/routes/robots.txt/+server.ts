import { publicOrigin } from '#lib/server/origin.ts';
import type { RequestHandler } from './$types';

/** Every public page may be crawled; the sitemap lists them. */
export const GET: RequestHandler = ({ url }) =>
  new Response(`User-agent: *\nAllow: /\n\nSitemap: ${publicOrigin(url)}/sitemap.xml\n`, {
    headers: { 'content-type': 'text/plain; charset=utf-8' },
  });
