/**
 * The filters of /arrangementer and its calendar feed, in the URL: `arrangor` (organisation
 * slug), `kommune` (kommunenummer), `prosjekt`, `tema` (slugs), `tid=tidligere` for the archive,
 * `fra` the cursor of the page shown. Each decoded with the domain's schema, as the API's input.
 */
import { Cursor, MunicipalityNumber, Slug } from '@klimakommuner/domain';
import { filterSearch, type Parsed, read } from '#lib/filters.ts';
import type { EventQuery } from '#lib/server/api.ts';

export type EventFilter = {
  readonly arrangor: string | null;
  readonly kommune: string | null;
  readonly prosjekt: string | null;
  readonly tema: string | null;
  /** 'tidligere' for past events; null for those to come. */
  readonly tid: 'tidligere' | null;
  readonly fra: string | null;
};

export function parseEventFilter(params: URLSearchParams): Parsed<EventFilter> {
  const arrangor = read(params, 'arrangor', Slug);
  const kommune = read(params, 'kommune', MunicipalityNumber);
  const prosjekt = read(params, 'prosjekt', Slug);
  const tema = read(params, 'tema', Slug);
  const fra = read(params, 'fra', Cursor);
  const tidRaw = params.get('tid')?.trim() || null;
  const tidOk = tidRaw === null || tidRaw === 'tidligere';
  const valid = arrangor.ok && kommune.ok && prosjekt.ok && tema.ok && fra.ok && tidOk;
  return {
    filter: {
      arrangor: arrangor.value,
      kommune: kommune.value,
      prosjekt: prosjekt.value,
      tema: tema.value,
      tid: tidRaw === 'tidligere' ? 'tidligere' : null,
      fra: valid ? fra.value : null,
    },
    valid,
  };
}

/** The filter as events.calendar takes it (no side of now, no page). */
export const calendarQuery = (
  filter: EventFilter,
): Omit<EventQuery, 'when' | 'limit' | 'cursor'> => ({
  ...(filter.arrangor ? { organiser: filter.arrangor } : {}),
  ...(filter.kommune ? { municipality: filter.kommune } : {}),
  ...(filter.prosjekt ? { project: filter.prosjekt } : {}),
  ...(filter.tema ? { theme: filter.tema } : {}),
});

/** The filter as events.list takes it. */
export const eventQuery = (filter: EventFilter, limit: number): EventQuery => ({
  ...calendarQuery(filter),
  when: filter.tid === 'tidligere' ? 'past' : 'upcoming',
  limit,
  ...(filter.fra ? { cursor: filter.fra } : {}),
});

/** The calendar feed of the filter: /arrangementer/kalender.ics with its parameters. */
export const calendarHref = (filter: Partial<EventFilter>): string =>
  `/arrangementer/kalender.ics${filterSearch(
    {
      arrangor: filter.arrangor ?? null,
      kommune: filter.kommune ?? null,
      prosjekt: filter.prosjekt ?? null,
      tema: filter.tema ?? null,
      fra: null,
    },
    null,
  )}`;

/**
 * The feed as a `webcal:` address on the public origin: a link a calendar application opens as a
 * subscription (it then fetches the feed again by itself and sees changes and cancellations).
 */
export const webcalHref = (origin: string, href: string): string =>
  `webcal://${new URL(origin).host}${href}`;

/** The list of the same filter, upcoming or past, from its first page. */
export const sideHref = (filter: EventFilter, past: boolean): string =>
  `/arrangementer${filterSearch({ ...filter, tid: past ? 'tidligere' : null, fra: null }, null)}`;
