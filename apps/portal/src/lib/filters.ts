/**
 * The /kommuner filter lives in the URL (a GET form), so it must be parsed defensively:
 * anything a person can type into the address bar ends up here.
 */

export interface MunicipalityFilter {
  /** Organisation slug. */
  readonly nettverk: string | null;
  /** Two-digit county number. */
  readonly fylke: string | null;
  /** Free-text name search. */
  readonly q: string | null;
  /** Opaque cursor from the previous page. */
  readonly fra: string | null;
}

export interface ParsedFilter {
  readonly filter: MunicipalityFilter;
  /** False when a parameter cannot match anything (wrong shape, too long). */
  readonly valid: boolean;
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const COUNTY = /^\d{2}$/;
const MAX_QUERY = 100;
const MAX_CURSOR = 500;

function value(params: URLSearchParams, name: string): string | null {
  const raw = params.get(name)?.trim() ?? '';
  return raw === '' ? null : raw;
}

export function parseFilter(params: URLSearchParams): ParsedFilter {
  const nettverk = value(params, 'nettverk');
  const fylke = value(params, 'fylke');
  const q = value(params, 'q');
  const fra = value(params, 'fra');
  const valid =
    (nettverk === null || (nettverk.length <= 100 && SLUG.test(nettverk))) &&
    (fylke === null || COUNTY.test(fylke)) &&
    (q === null || q.length <= MAX_QUERY) &&
    (fra === null || fra.length <= MAX_CURSOR);
  return { filter: { nettverk, fylke, q, fra }, valid };
}

/** Whether the filter narrows the list at all (a cursor alone does not). */
export function isFiltered(filter: MunicipalityFilter): boolean {
  return filter.nettverk !== null || filter.fylke !== null || filter.q !== null;
}

/** Whether the chosen network and county are among those the selects offer. */
export function isKnown(
  filter: MunicipalityFilter,
  networks: readonly string[],
  counties: readonly string[],
): boolean {
  return (
    (filter.nettverk === null || networks.includes(filter.nettverk)) &&
    (filter.fylke === null || counties.includes(filter.fylke))
  );
}

/** The query string for the same filter starting at `fra` (the next page). */
export function filterSearch(filter: MunicipalityFilter, fra: string | null): string {
  const params = new URLSearchParams();
  if (filter.nettverk) params.set('nettverk', filter.nettverk);
  if (filter.fylke) params.set('fylke', filter.fylke);
  if (filter.q) params.set('q', filter.q);
  if (fra) params.set('fra', fra);
  const search = params.toString();
  return search === '' ? '' : `?${search}`;
}
