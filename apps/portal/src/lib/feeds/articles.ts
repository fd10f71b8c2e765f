import type { ArticleDetail } from '@klimakommuner/domain';
import { Feed } from 'feed';
import { type ArticleUrlFilter, articleSearch } from './article-filter.ts';

/**
 * The RSS 2.0 and Atom feeds of /aktuelt (the `feed` library): the newest public articles for
 * the same filters as the page, with absolute links, the article's id as a stable guid/id, the
 * sanitised HTML body as content, and the image as an enclosure.
 */

export const RSS_TYPE = 'application/rss+xml; charset=utf-8';
export const ATOM_TYPE = 'application/atom+xml; charset=utf-8';

/** What the feed is of, in its title: «Aktuelt fra KEN», «Aktuelt om Klimatilpasning». */
export const feedTitle = (
  filter: Partial<ArticleUrlFilter>,
  items: readonly ArticleDetail[],
): string => {
  const first = items[0];
  const parts: string[] = [];
  if (filter.utgiver)
    parts.push(
      `fra ${first?.publisher.slug === filter.utgiver ? first.publisher.name : filter.utgiver}`,
    );
  if (filter.prosjekt) parts.push(`i prosjektet ${first?.project?.title ?? filter.prosjekt}`);
  if (filter.tema)
    parts.push(`om ${first?.themes.find((t) => t.slug === filter.tema)?.name ?? filter.tema}`);
  return ['Aktuelt', ...parts].join(' ') + ' – Klimakommuner';
};

export const buildArticleFeed = (
  origin: string,
  filter: Partial<ArticleUrlFilter>,
  items: readonly ArticleDetail[],
): Feed => {
  const search = articleSearch(filter);
  const page = `${origin}/aktuelt${search}`;
  const newest = items[0]?.publishedAt;
  const feed = new Feed({
    id: page,
    title: feedTitle(filter, items),
    description: 'Nyheter fra kommunenettverkene for klimaomstilling og prosjektene deres.',
    link: page,
    language: 'nb',
    updated: newest ? new Date(newest) : new Date(0),
    generator: false,
    copyright: 'Klimakommuner',
    feedLinks: {
      rss: `${origin}/aktuelt/rss.xml${search}`,
      atom: `${origin}/aktuelt/atom.xml${search}`,
    },
  });
  for (const article of items) {
    const link = `${origin}/aktuelt/${article.slug}`;
    const published = new Date(article.publishedAt ?? article.updatedAt);
    const updated = new Date(
      Math.max(published.getTime(), Date.parse(article.updatedAt) || published.getTime()),
    );
    const image = article.image;
    const widest = image ? Math.max(0, ...image.widths) : 0;
    feed.addItem({
      title: article.title,
      id: `urn:uuid:${article.id}`,
      guid: `urn:uuid:${article.id}`,
      link,
      date: updated,
      published,
      description: article.lead,
      content: article.bodyHtml,
      author: [{ name: article.author?.name || article.publisher.name }],
      category: article.themes.map((t) => ({ name: t.name, term: t.slug })),
      ...(image && widest > 0
        ? { image: { url: `${origin}/filer/${image.file}/w${widest}`, type: 'image/webp' } }
        : {}),
    });
  }
  return feed;
};
