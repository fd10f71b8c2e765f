import { apiErrorCode, createApiClient, isApiError } from '@klimakommuner/api';
import type {
  CountyView,
  MatrixView,
  MunicipalityDetail,
  MunicipalityListItem,
  OrganisationDetail,
  OrganisationSummary,
  Page,
  ProjectDetail,
  ProjectSummary,
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
  readonly status?: 'planned' | 'ongoing' | 'completed';
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
}

/** Thrown by list procedures when the API rejects the input, so a page can show an empty result. */
export class ApiBadRequest extends Error {}

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
  };
}
