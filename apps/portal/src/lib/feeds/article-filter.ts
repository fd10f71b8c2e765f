import { type ArticleFilter, Cursor, MunicipalityNumber, Slug } from '@klimakommuner/domain';
import { read } from '../filters.ts';

/**
 * The filters of /aktuelt and its feeds, in the URL: ?utgiver= (publisher), ?tema=, ?prosjekt=,
 * ?kommune= and the page cursor ?fra=, each decoded with the domain's value schema.
 */
export type ArticleUrlFilter = {
  readonly utgiver: string | null;
  readonly tema: string | null;
  readonly prosjekt: string | null;
  readonly kommune: string | null;
  readonly fra: string | null;
};

export const NO_ARTICLE_FILTER: ArticleUrlFilter = {
  utgiver: null,
  tema: null,
  prosjekt: null,
  kommune: null,
  fra: null,
};

export function parseArticleFilter(params: URLSearchParams): {
  readonly filter: ArticleUrlFilter;
  readonly valid: boolean;
} {
  const utgiver = read(params, 'utgiver', Slug);
  const tema = read(params, 'tema', Slug);
  const prosjekt = read(params, 'prosjekt', Slug);
  const kommune = read(params, 'kommune', MunicipalityNumber);
  const fra = read(params, 'fra', Cursor);
  const valid = utgiver.ok && tema.ok && prosjekt.ok && kommune.ok && fra.ok;
  return {
    filter: {
      utgiver: utgiver.value,
      tema: tema.value,
      prosjekt: prosjekt.value,
      kommune: kommune.value,
      fra: valid ? fra.value : null,
    },
    valid,
  };
}

/** The API's filter for the URL's. */
export const articleQuery = (filter: ArticleUrlFilter): ArticleFilter => ({
  ...(filter.utgiver ? { publisher: filter.utgiver } : {}),
  ...(filter.tema ? { theme: filter.tema } : {}),
  ...(filter.prosjekt ? { project: filter.prosjekt } : {}),
  ...(filter.kommune ? { municipality: filter.kommune } : {}),
});

/** The query string of a filter without its cursor ('' or '?…'). */
export const articleSearch = (filter: Partial<ArticleUrlFilter>): string => {
  const params = new URLSearchParams();
  for (const name of ['utgiver', 'tema', 'prosjekt', 'kommune'] as const) {
    const value = filter[name];
    if (value) params.set(name, value);
  }
  const search = params.toString();
  return search === '' ? '' : `?${search}`;
};
