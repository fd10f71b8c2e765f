import { apiErrorCode, createApiClient, isApiError } from '@klimakommuner/api';
import type {
  ArticleDetail,
  ArticleFilter,
  ArticlePage,
  ArticleSummary,
  CountyView,
  EventDetail,
  EventSummary,
  EventWhen,
  MatrixView,
  MunicipalityDetail,
  MunicipalityListItem,
  OrganisationDetail,
  OrganisationSummary,
  Page,
  ProjectDetail,
  ProjectStatus,
  ProjectSummary,
  RegionDetail,
  RegionView,
  ResourceDetail,
  ResourceKind,
  ResourceSummary,
  SearchResult,
  SiteSearchQuery,
  SiteSearchResult,
  SiteSearchType,
  ThemeDetail,
  ThemeView,
} from '@klimakommuner/domain';
import { error } from '@sveltejs/kit';
import { API_URL } from '$app/env/private';

export interface MunicipalityQuery {
  readonly organisation?: string;
  readonly county?: string;
  readonly q?: string;
  readonly membersOnly?: boolean;
  readonly limit?: number;
  readonly cursor?: string;
}

export interface ProjectQuery {
  readonly theme?: string;
  readonly organisation?: string;
  /** Four-digit municipality number. */
  readonly municipality?: string;
  readonly status?: ProjectStatus;
  readonly limit?: number;
  readonly cursor?: string;
}

/** resources.list's filters (the search without `type`: resources.list searches resources only). */
export interface ResourceQuery {
  readonly q?: string;
  readonly kind?: ResourceKind;
  readonly theme?: string;
  readonly project?: string;
  readonly organisation?: string;
  /** Four-digit municipality number. */
  readonly municipality?: string;
  readonly limit?: number;
  readonly cursor?: string;
}

/** related.get: at most one of the four, and how many of each kind. */
export interface RelatedQuery {
  readonly organisation?: string;
  readonly project?: string;
  readonly theme?: string;
  /** Four-digit municipality number. */
  readonly municipality?: string;
  readonly resources: number;
  readonly articles: number;
  readonly events: number;
}

/** What related.get answers. */
export interface RelatedContent {
  readonly resources: { readonly items: readonly ResourceSummary[]; readonly total: number };
  readonly articles: readonly ArticleSummary[];
  readonly events: readonly EventSummary[];
}

/** An item with a public page (search.sitemap). */
export interface SitemapEntry {
  readonly type: SiteSearchType;
  readonly slug: string;
}

/** events.list's filters and side of now (issue 12). */
export interface EventQuery {
  readonly organiser?: string;
  /** Four-digit municipality number. */
  readonly municipality?: string;
  readonly project?: string;
  readonly theme?: string;
  readonly when?: EventWhen;
  readonly limit?: number;
  readonly cursor?: string;
}

/** articles.list's filters and page. */
export interface ArticleQuery extends ArticleFilter {
  readonly limit?: number;
  readonly cursor?: string;
}

/** The API procedures this app reads, typed with the read models from the domain. */
export interface Api {
  readonly organisations: {
    list(): Promise<Page<OrganisationSummary>>;
    get(slug: string): Promise<OrganisationDetail>;
  };
  readonly municipalities: {
    list(query: MunicipalityQuery): Promise<Page<MunicipalityListItem>>;
    get(slug: string): Promise<MunicipalityDetail>;
  };
  readonly counties: {
    list(): Promise<Page<CountyView>>;
  };
  readonly regions: {
    list(): Promise<Page<RegionView>>;
    get(slug: string): Promise<RegionDetail>;
  };
  readonly themes: {
    list(): Promise<Page<ThemeView>>;
    get(slug: string): Promise<ThemeDetail>;
  };
  readonly projects: {
    list(query: ProjectQuery): Promise<Page<ProjectSummary>>;
    get(slug: string): Promise<ProjectDetail>;
  };
  readonly participations: {
    matrix(organisation: string): Promise<MatrixView>;
  };
  readonly resources: {
    list(query: ResourceQuery): Promise<SearchResult>;
    get(slug: string): Promise<ResourceDetail>;
  };
  readonly related: {
    get(query: RelatedQuery): Promise<RelatedContent>;
  };
  readonly search: {
    site(query: SiteSearchQuery): Promise<SiteSearchResult>;
    sitemap(): Promise<{ readonly items: readonly SitemapEntry[] }>;
  };
  readonly events: {
    list(query: EventQuery): Promise<Page<EventSummary> & { readonly total: number }>;
    get(slug: string): Promise<EventDetail>;
    calendar(
      filter: Omit<EventQuery, 'when' | 'limit' | 'cursor'>,
    ): Promise<{ readonly items: readonly EventSummary[] }>;
    filters(): Promise<{
      readonly organisers: readonly { readonly slug: string; readonly name: string }[];
      readonly projects: readonly { readonly slug: string; readonly title: string }[];
      readonly themes: readonly { readonly slug: string; readonly name: string }[];
      readonly municipalities: readonly { readonly number: string; readonly name: string }[];
    }>;
  };
  readonly articles: {
    list(query: ArticleQuery): Promise<ArticlePage>;
    latest(filter: ArticleFilter): Promise<{ items: readonly ArticleSummary[] }>;
    feed(filter: ArticleFilter): Promise<{ items: readonly ArticleDetail[] }>;
    filters(): Promise<{
      publishers: readonly { value: string; label: string }[];
      themes: readonly { value: string; label: string }[];
      projects: readonly { value: string; label: string }[];
    }>;
    get(slug: string): Promise<ArticleDetail>;
  };
}

/** Thrown by list procedures when the API rejects the input, so a page can show an empty result. */
export class ApiBadRequest extends Error {}

/** A list the API refused to filter (a stale cursor, say) as null: the page shows no result. */
export const unlessRefused = <T>(list: Promise<T>): Promise<T | null> =>
  list.catch((cause: unknown) => {
    if (cause instanceof ApiBadRequest) return null;
    throw cause;
  });

/**
 * Turns API failures into errors a page can show: an unknown or malformed slug is a 404, and an
 * API that cannot be reached or fails is a 503, never a crash.
 */
function fail(cause: unknown, kind: 'list' | 'get'): never {
  const code = apiErrorCode(cause);
  if (kind === 'get' && (code === 'NOT_FOUND' || code === 'BAD_REQUEST')) {
    error(404, 'Fant ikke siden');
  }
  if (kind === 'list' && code === 'BAD_REQUEST') throw new ApiBadRequest('Ugyldig filter');
  if (isApiError(cause)) {
    console.error(`API call failed (${code ?? 'no response'}): ${cause.message}`);
    error(503, 'Tjenesten er midlertidig utilgjengelig');
  }
  throw cause;
}

/**
 * One client per request, using SvelteKit's fetch. Calls started in the same tick go out as
 * one HTTP request through httpBatchLink, so a page that starts its calls together costs one
 * round trip however many rows it shows.
 */
export function apiFor(fetch: typeof globalThis.fetch): Api {
  const client = createApiClient(API_URL, { fetch });
  const guard =
    (kind: 'list' | 'get') =>
    <T>(promise: Promise<T>): Promise<T> =>
      promise.catch((cause: unknown) => fail(cause, kind));
  const list = guard('list');
  const get = guard('get');

  return {
    organisations: {
      list: () => list(client.organisations.list.query()),
      get: (slug) => get(client.organisations.get.query({ slug })),
    },
    municipalities: {
      list: (query) => list(client.municipalities.list.query(query)),
      get: (slug) => get(client.municipalities.get.query({ slug })),
    },
    counties: {
      list: () => list(client.counties.list.query()),
    },
    regions: {
      list: () => list(client.regions.list.query()),
      get: (slug) => get(client.regions.get.query({ slug })),
    },
    themes: {
      list: () => list(client.themes.list.query()),
      get: (slug) => get(client.themes.get.query({ slug })),
    },
    projects: {
      list: (query) => list(client.projects.list.query(query)),
      get: (slug) => get(client.projects.get.query({ slug })),
    },
    participations: {
      matrix: (organisation) => get(client.participations.matrix.query({ organisation })),
    },
    resources: {
      list: (query) => list(client.resources.list.query(query)),
      get: (slug) => get(client.resources.get.query({ slug })),
    },
    related: {
      get: (query) => list(client.related.get.query(query)),
    },
    search: {
      site: (query) => list(client.search.site.query(query)),
      sitemap: () => list(client.search.sitemap.query()),
    },
    events: {
      list: (query) => list(client.events.list.query(query)),
      get: (slug) => get(client.events.get.query({ slug })),
      calendar: (filter) => list(client.events.calendar.query(filter)),
      filters: () => list(client.events.filters.query()),
    },
    articles: {
      list: (query) => list(client.articles.list.query(query)),
      latest: (filter) => list(client.articles.latest.query(filter)),
      feed: (filter) => list(client.articles.feed.query(filter)),
      filters: () => list(client.articles.filters.query()),
      get: (slug) => get(client.articles.get.query({ slug })),
    },
  };
}
