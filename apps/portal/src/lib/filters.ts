/**
 * The /kommuner and /prosjekter filters live in the URL (GET forms), so anything a person can
 * type into the address bar ends up here. Each parameter is decoded with the domain's value
 * schema for it, the same one the API's input uses, so a filter the portal lets through is one
 * the API takes (a cursor of more than 200 characters, say, is refused here already).
 */
import {
  CountyNumber,
  Cursor,
  decodeValue,
  MunicipalityNumber,
  maxText,
  ProjectStatus,
  Slug,
} from '@klimakommuner/domain';
import { Result, type Schema } from 'effect';

/** The name search of /kommuner: at most 100 characters, as the API's `q` takes. */
const NameSearch = maxText(100);

/** A filter: each parameter's value or null, and `fra`, the cursor of the page shown. */
type Filter = { readonly fra: string | null } & Readonly<Record<string, string | null>>;

export type MunicipalityFilter = {
  /** Organisation slug. */
  readonly nettverk: string | null;
  /** Two-digit county number. */
  readonly fylke: string | null;
  /** Free-text name search. */
  readonly q: string | null;
  /** Opaque cursor from the previous page. */
  readonly fra: string | null;
};

export type ProjectFilter = {
  /** Theme slug. */
  readonly tema: string | null;
  /** Project status as the API names it. */
  readonly status: ProjectStatus | null;
  /** Four-digit municipality number. */
  readonly kommune: string | null;
  /** Opaque cursor from the previous page. */
  readonly fra: string | null;
};

export interface Parsed<F extends Filter> {
  readonly filter: F;
  /** False when a parameter cannot match anything (wrong shape, unknown status, too long). */
  readonly valid: boolean;
}

/** A parameter as typed (trimmed; null when absent or blank), and decoded with `schema`. */
export const read = <S extends Schema.ConstraintDecoder<unknown>>(
  params: URLSearchParams,
  name: string,
  schema: S,
): { readonly raw: string | null; readonly value: S['Type'] | null; readonly ok: boolean } => {
  const raw = params.get(name)?.trim() || null;
  if (raw === null) return { raw, value: null, ok: true };
  const decoded = decodeValue(schema, raw);
  return Result.isSuccess(decoded)
    ? { raw, value: decoded.success, ok: true }
    : { raw, value: null, ok: false };
};

export function parseFilter(params: URLSearchParams): Parsed<MunicipalityFilter> {
  const nettverk = read(params, 'nettverk', Slug);
  const fylke = read(params, 'fylke', CountyNumber);
  const q = read(params, 'q', NameSearch);
  const fra = read(params, 'fra', Cursor);
  return {
    filter: { nettverk: nettverk.raw, fylke: fylke.raw, q: q.raw, fra: fra.raw },
    valid: nettverk.ok && fylke.ok && q.ok && fra.ok,
  };
}

export function parseProjectFilter(params: URLSearchParams): Parsed<ProjectFilter> {
  const tema = read(params, 'tema', Slug);
  const status = read(params, 'status', ProjectStatus);
  const kommune = read(params, 'kommune', MunicipalityNumber);
  const fra = read(params, 'fra', Cursor);
  const valid = tema.ok && status.ok && kommune.ok && fra.ok;
  // What does not fit is left out of the form, so its select shows «Alle».
  return {
    filter: {
      tema: tema.value,
      status: status.value,
      kommune: kommune.value,
      fra: valid ? fra.value : null,
    },
    valid,
  };
}

/** Whether the filter narrows the list at all (a cursor alone does not). */
export const isFiltered = (filter: Filter): boolean =>
  Object.entries(filter).some(([name, value]) => name !== 'fra' && value !== null);

/** Whether each chosen value is among those its select offers (`offered`, by parameter). */
export const isOffered = <F extends Filter>(
  filter: F,
  offered: { readonly [K in keyof F]?: readonly string[] },
): boolean =>
  Object.entries(offered).every(([name, options]) => {
    const chosen = filter[name];
    return chosen === null || chosen === undefined || (options ?? []).includes(chosen);
  });

/** The query string for the same filter starting at `fra` (the next page), or '' for none. */
export const filterSearch = (filter: Filter, fra: string | null): string => {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(filter)) {
    if (name !== 'fra' && value !== null) params.set(name, value);
  }
  if (fra) params.set('fra', fra);
  const search = params.toString();
  return search === '' ? '' : `?${search}`;
};

/** The links between the pages of a filtered list at `path`. */
export const pageLinks = (
  path: string,
  filter: Filter,
  nextCursor: string | null | undefined,
): { readonly nextHref: string | null; readonly firstHref: string | null } => ({
  nextHref: nextCursor ? `${path}${filterSearch(filter, nextCursor)}` : null,
  firstHref: filter.fra ? `${path}${filterSearch(filter, null)}` : null,
});
