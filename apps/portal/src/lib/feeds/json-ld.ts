import type { ArticleDetail } from '@klimakommuner/domain';
import type { JsonLd } from '../json-ld.ts';

/** The article as schema.org NewsArticle JSON-LD (the page writes it with JsonLd.svelte). */
export const newsArticleJsonLd = (article: ArticleDetail, origin: string): JsonLd => {
  const image = article.image;
  const widest = image ? Math.max(0, ...image.widths) : 0;
  const data = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: article.title,
    description: article.lead || undefined,
    url: `${origin}/aktuelt/${article.slug}`,
    mainEntityOfPage: `${origin}/aktuelt/${article.slug}`,
    datePublished: article.publishedAt ?? undefined,
    dateModified: article.updatedAt,
    inLanguage: 'nb',
    image: image ? [`${origin}/filer/${image.file}${widest > 0 ? `/w${widest}` : ''}`] : undefined,
    author: article.author
      ? { '@type': 'Person', name: article.author.name }
      : { '@type': 'Organization', name: article.publisher.name },
    publisher: {
      '@type': 'Organization',
      name: article.publisher.name,
      url: `${origin}/nettverk/${article.publisher.slug}`,
    },
    about: article.themes.map((t) => ({ '@type': 'Thing', name: t.name })),
  };
  return data;
};

/** The absolute address of the article's image for og:image (its widest WebP), or null. */
export const ogImage = (article: ArticleDetail, origin: string): string | null => {
  const image = article.image;
  if (!image) return null;
  const widest = Math.max(0, ...image.widths);
  return `${origin}/filer/${image.file}${widest > 0 ? `/w${widest}` : ''}`;
};
