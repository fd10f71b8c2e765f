import { Schema } from 'effect';
import type { IsoDate } from '../content/dates.ts';
import type { OrganisationRef } from '../network/index.ts';
import type { FacetValue, SnippetPart } from '../resource/search.ts';

/**
 * One search over everything the site publishes (`/sok`): the same Norwegian full-text search as
 * the library (search_document, the same ranking and candidates), one ranked list of every kind
 * of item, with a facet of the kinds. Every kind has its own page on the portal; `siteSearchPath`
 * says which.
 */

const TYPE_LABELS = {
  municipality: 'Kommuner',
  organisation: 'Nettverk og utgivere',
  project: 'Prosjekter',
  resource: 'Verktøy og ressurser',
  article: 'Aktuelt',
  event: 'Arrangementer',
} as const;

export type SiteSearchType = keyof typeof TYPE_LABELS;
export const SITE_SEARCH_TYPES = Object.keys(TYPE_LABELS) as readonly SiteSearchType[];
export const SiteSearchType = Schema.Literals(SITE_SEARCH_TYPES).annotate({
  message: `Må være en av: ${SITE_SEARCH_TYPES.join(', ')}.`,
});

/** The facet's label of a kind: «Kommuner», «Prosjekter», «Aktuelt», … */
export const siteSearchTypeLabel = (type: SiteSearchType): string => TYPE_LABELS[type];

const SINGULAR = {
  municipality: 'Kommune',
  organisation: 'Nettverk',
  project: 'Prosjekt',
  resource: 'Ressurs',
  article: 'Nyhet',
  event: 'Arrangement',
} as const satisfies Record<SiteSearchType, string>;

/** What one hit is, shown beside its title: «Kommune», «Prosjekt», «Nyhet», … */
export const siteSearchHitLabel = (type: SiteSearchType, kind: string | null): string =>
  type === 'organisation' && kind === 'county-authority' ? 'Fylkeskommune' : SINGULAR[type];

const PATHS = {
  municipality: '/kommuner',
  organisation: '/nettverk',
  project: '/prosjekter',
  resource: '/verktoy',
  article: '/aktuelt',
  event: '/arrangementer',
} as const satisfies Record<SiteSearchType, string>;

/** The portal page of a hit. */
export const siteSearchPath = (hit: { readonly type: SiteSearchType; readonly slug: string }) =>
  `${PATHS[hit.type]}/${encodeURIComponent(hit.slug)}`;

export interface SiteSearchQuery {
  readonly q: string;
  readonly type?: SiteSearchType;
  readonly limit?: number;
  readonly cursor?: string;
}

export interface SiteSearchHit {
  readonly type: SiteSearchType;
  readonly slug: string;
  readonly title: string;
  readonly summary: string;
  /** The organisation kind for organisations, the resource kind for resources; else null. */
  readonly kind: string | null;
  /** Who publishes or owns it (none for a municipality, itself for an organisation). */
  readonly organisation: OrganisationRef | null;
  readonly publishedOn: IsoDate | null;
  readonly snippet: readonly SnippetPart[];
  readonly rank: number;
}

export interface SiteSearchResult {
  readonly items: readonly SiteSearchHit[];
  /** How many match, at most MAX_SEARCH_DEPTH (then `more`). */
  readonly total: number;
  readonly more: boolean;
  /** Every kind with matches, counted before the type filter (so the other kinds stay offered). */
  readonly types: readonly FacetValue[];
  readonly nextCursor: string | null;
}
