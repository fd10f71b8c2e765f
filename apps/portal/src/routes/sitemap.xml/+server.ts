import { error } from '@sveltejs/kit';
import { apiFor } from '#lib/server/api.ts';
import { publicOrigin } from '#lib/server/origin.ts';
import { publicPaths, SITEMAP_LIMIT, sitemapIndexXml, sitemapXml } from '#lib/server/sitemap.ts';
import type { RequestHandler } from './$types';

// Every public page. Up to SITEMAP_LIMIT pages it is one sitemap; beyond, /sitemap.xml is an
// index of /sitemap.xml?del=1, ?del=2, … (robots.txt names /sitemap.xml either way).
export const GET: RequestHandler = async ({ fetch, url }) => {
  const origin = publicOrigin(url);
  const paths = await publicPaths(apiFor(fetch));
  const parts = Math.ceil(paths.length / SITEMAP_LIMIT);
  const part = url.searchParams.get('del');
  let body: string;
  if (part === null) {
    body =
      parts <= 1
        ? sitemapXml(paths.map((path) => `${origin}${path}`))
        : sitemapIndexXml(
            Array.from({ length: parts }, (_, i) => `${origin}/sitemap.xml?del=${i + 1}`),
          );
  } else {
    const n = /^[1-9]\d{0,3}$/.test(part) ? Number(part) : 0;
    if (n < 1 || n > parts) error(404, 'Fant ikke siden');
    const slice = paths.slice((n - 1) * SITEMAP_LIMIT, n * SITEMAP_LIMIT);
    body = sitemapXml(slice.map((path) => `${origin}${path}`));
  }
  return new Response(body, { headers: { 'content-type': 'application/xml; charset=utf-8' } });
};
