/**
 * The /verktoy search's state lives in the URL (a GET form and links), so what is typed into the
 * address bar ends up here. Each parameter is decoded with the domain's value schema for it, the
 * one the API's input uses; the facets are links that set or clear one parameter each.
 */
import {
  Cursor,
  type Facet,
  MAX_SEARCH_QUERY,
  MunicipalityNumber,
  maxText,
  ResourceKind,
  Slug,
} from '@klimakommuner/domain';
import { filterSearch, type Parsed, read } from './filters.ts';
import type { ResourceQuery } from './server/api.ts';

export type ResourceFilter = {
  /** The words searched for. */
  readonly q: string | null;
  /** Resource kind as the API names it ('guide', …). */
  readonly type: ResourceKind | null;
  /** Theme slug. */
  readonly tema: string | null;
  /** Project slug. */
  readonly prosjekt: string | null;
  /** Owner organisation slug. */
  readonly eier: string | null;
  /** Four-digit municipality number. */
  readonly kommune: string | null;
  /** Opaque cursor from the previous page. */
  readonly fra: string | null;
};

/** The URL parameter of each facet. */
export const FACET_PARAMS = {
  kind: 'type',
  theme: 'tema',
  project: 'prosjekt',
  organisation: 'eier',
  municipality: 'kommune',
} as const satisfies Record<Facet, keyof ResourceFilter>;

/** Each facet's heading, in the order the page shows them. */
export const FACET_HEADINGS: Readonly<Record<Facet, string>> = {
  kind: 'Type',
  theme: 'Tema',
  project: 'Prosjekt',
  organisation: 'Eier',
  municipality: 'Kommune',
};

export const EMPTY_RESOURCE_FILTER: ResourceFilter = {
  q: null,
  type: null,
  tema: null,
  prosjekt: null,
  eier: null,
  kommune: null,
  fra: null,
};

export function parseResourceFilter(params: URLSearchParams): Parsed<ResourceFilter> {
  const q = read(params, 'q', maxText(MAX_SEARCH_QUERY));
  const type = read(params, 'type', ResourceKind);
  const tema = read(params, 'tema', Slug);
  const prosjekt = read(params, 'prosjekt', Slug);
  const eier = read(params, 'eier', Slug);
  const kommune = read(params, 'kommune', MunicipalityNumber);
  const fra = read(params, 'fra', Cursor);
  const valid = q.ok && type.ok && tema.ok && prosjekt.ok && eier.ok && kommune.ok && fra.ok;
  // The words stay in the search field as typed, even when too long, so they can be shortened.
  return {
    filter: {
      q: q.raw,
      type: type.value,
      tema: tema.value,
      prosjekt: prosjekt.value,
      eier: eier.value,
      kommune: kommune.value,
      fra: valid ? fra.value : null,
    },
    valid,
  };
}

/** What resources.list is asked for this filter, `limit` results a page. */
export function resourceQuery(filter: ResourceFilter, limit: number): ResourceQuery {
  return {
    limit,
    ...(filter.q ? { q: filter.q } : {}),
    ...(filter.type ? { kind: filter.type } : {}),
    ...(filter.tema ? { theme: filter.tema } : {}),
    ...(filter.prosjekt ? { project: filter.prosjekt } : {}),
    ...(filter.eier ? { organisation: filter.eier } : {}),
    ...(filter.kommune ? { municipality: filter.kommune } : {}),
    ...(filter.fra ? { cursor: filter.fra } : {}),
  };
}

/**
 * The address of the search with one facet set to `value`, or cleared when `value` is null; the
 * rest of the filter is kept, and it starts from the first page.
 */
export function facetHref(filter: ResourceFilter, facet: Facet, value: string | null): string {
  return `/verktoy${filterSearch({ ...filter, [FACET_PARAMS[facet]]: value, fra: null }, null)}`;
}

/** /verktoy filtered by one facet: the «see all» link under a short list on another page. */
export const libraryHref = (facet: Facet, value: string): string =>
  facetHref(EMPTY_RESOURCE_FILTER, facet, value);

/** The facets the filter narrows by now (without the words), for hidden fields in the search form. */
export const chosenFacets = (
  filter: ResourceFilter,
): readonly { readonly name: string; readonly value: string }[] =>
  Object.values(FACET_PARAMS).flatMap((name) => {
    const value = filter[name];
    return value === null ? [] : [{ name, value }];
  });
