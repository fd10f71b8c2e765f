import { siteSearchPath } from '@klimakommuner/domain';
import type { Api } from './api.ts';

/** Pages that need no data: the lists and the site's own pages. */
export const STATIC_PATHS = [
  '/',
  '/nettverk',
  '/kommuner',
  '/prosjekter',
  '/tema',
  '/regioner',
  '/verktoy',
  '/arrangementer',
  '/aktuelt',
  '/om-nettstedet',
  '/kontakt',
  '/personvern',
  '/tilgjengelighetserklaering',
] as const;

/**
 * Every public page's path. search.sitemap lists every item with a public page now (what `/sok`
 * finds: municipalities, organisations, projects, resources, articles, events; never a draft or
 * a scheduled one); themes and regions come from their lists. One batched request.
 */
export const publicPaths = async (api: Api): Promise<string[]> => {
  const [items, themes, regions] = await Promise.all([
    api.search.sitemap(),
    api.themes.list(),
    api.regions.list(),
  ]);
  return [
    ...STATIC_PATHS,
    ...items.items.map(siteSearchPath),
    ...themes.items.map((t) => `/tema/${t.slug}`),
    ...regions.items.map((r) => `/regioner/${r.slug}`),
  ];
};

/** The most URLs one sitemap file may hold (the sitemap protocol's limit). */
export const SITEMAP_LIMIT = 50_000;

const escapeXml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The sitemap protocol's XML for the given absolute URLs. */
export const sitemapXml = (urls: readonly string[]): string =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls
    .map((url) => `  <url><loc>${escapeXml(url)}</loc></url>`)
    .join('\n')}\n</urlset>\n`;

/** A sitemap index pointing at the given sitemap URLs (for more than SITEMAP_LIMIT pages). */
export const sitemapIndexXml = (sitemaps: readonly string[]): string =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${sitemaps
    .map((url) => `  <sitemap><loc>${escapeXml(url)}</loc></sitemap>`)
    .join('\n')}\n</sitemapindex>\n`;
