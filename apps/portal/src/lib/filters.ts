/**
 * The /kommuner and /prosjekter filters live in the URL (GET forms), so they must be parsed
 * defensively: anything a person can type into the address bar ends up here.
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
const MUNICIPALITY = /^\d{4}$/;
const MAX_SLUG = 100;
const MAX_QUERY = 100;
const MAX_CURSOR = 500;

function value(params: URLSearchParams, name: string): string | null {
  const raw = params.get(name)?.trim() ?? '';
  return raw === '' ? null : raw;
}

const isSlug = (candidate: string | null): boolean =>
  candidate === null || (candidate.length <= MAX_SLUG && SLUG.test(candidate));

export function parseFilter(params: URLSearchParams): ParsedFilter {
  const nettverk = value(params, 'nettverk');
  const fylke = value(params, 'fylke');
  const q = value(params, 'q');
  const fra = value(params, 'fra');
  const valid =
    isSlug(nettverk) &&
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

// ——— /prosjekter ———

/** The project statuses the «Status» select offers, as the API names them. */
export const PROJECT_STATUSES = ['planned', 'ongoing', 'completed'] as const;
export type ProjectStatusValue = (typeof PROJECT_STATUSES)[number];

const isProjectStatus = (candidate: string): candidate is ProjectStatusValue =>
  (PROJECT_STATUSES as readonly string[]).includes(candidate);

export interface ProjectFilter {
  /** Theme slug. */
  readonly tema: string | null;
  /** Project status as the API names it. */
  readonly status: ProjectStatusValue | null;
  /** Four-digit municipality number. */
  readonly kommune: string | null;
  /** Opaque cursor from the previous page. */
  readonly fra: string | null;
}

export interface ParsedProjectFilter {
  readonly filter: ProjectFilter;
  /** False when a parameter cannot match anything (wrong shape, unknown status, too long). */
  readonly valid: boolean;
}

export function parseProjectFilter(params: URLSearchParams): ParsedProjectFilter {
  const tema = value(params, 'tema');
  const rawStatus = value(params, 'status');
  const kommune = value(params, 'kommune');
  const fra = value(params, 'fra');
  const status = rawStatus !== null && isProjectStatus(rawStatus) ? rawStatus : null;
  const valid =
    isSlug(tema) &&
    (rawStatus === null || status !== null) &&
    (kommune === null || MUNICIPALITY.test(kommune)) &&
    (fra === null || fra.length <= MAX_CURSOR);
  // An invalid filter keeps what was asked for out of the form, so the selects show «Alle».
  return valid
    ? { filter: { tema, status, kommune, fra }, valid }
    : {
        filter: {
          tema: isSlug(tema) ? tema : null,
          status,
          kommune: kommune !== null && MUNICIPALITY.test(kommune) ? kommune : null,
          fra: null,
        },
        valid,
      };
}

/** Whether the project filter narrows the list at all (a cursor alone does not). */
export function isProjectFiltered(filter: ProjectFilter): boolean {
  return filter.tema !== null || filter.status !== null || filter.kommune !== null;
}

/** Whether the chosen theme and municipality are among those the selects offer. */
export function isKnownProjectFilter(
  filter: ProjectFilter,
  themes: readonly string[],
  municipalities: readonly string[],
): boolean {
  return (
    (filter.tema === null || themes.includes(filter.tema)) &&
    (filter.kommune === null || municipalities.includes(filter.kommune))
  );
}

/** The query string for the same project filter starting at `fra` (the next page). */
export function projectFilterSearch(filter: ProjectFilter, fra: string | null): string {
  const params = new URLSearchParams();
  if (filter.tema) params.set('tema', filter.tema);
  if (filter.status) params.set('status', filter.status);
  if (filter.kommune) params.set('kommune', filter.kommune);
  if (fra) params.set('fra', fra);
  const search = params.toString();
  return search === '' ? '' : `?${search}`;
}
