import { slugify } from '@klimakommuner/domain';
import type { Insertable } from 'kysely';
import all from '../data/municipalities-2024.json' with { type: 'json' };
import reference from '../data/reference.json' with { type: 'json' };
import type { CountyTable, MunicipalityTable } from './schema.ts';

// The seed's rows, derived from the two reference files copied from ../shared/data so the
// product does not depend on anything outside the repository at runtime.

export const counties: Insertable<CountyTable>[] = all.counties.map(({ number, name }) => ({
  number,
  name,
}));

const countyName = new Map(all.counties.map((c) => [c.number, c.name]));
const population = new Map(reference.municipalities.map((m) => [m.number, m]));

/**
 * Slugs from the name; where two municipalities share a name (Herøy, Våler) both get the
 * county's name appended, 'valer-ostfold' / 'valer-innlandet', so neither slug depends on
 * the order the rows are read in.
 */
const municipalitySlugs = (): Map<string, string> => {
  const count = new Map<string, number>();
  for (const m of all.municipalities)
    count.set(slugify(m.name), (count.get(slugify(m.name)) ?? 0) + 1);
  const slugs = new Map<string, string>();
  for (const m of all.municipalities) {
    const base = slugify(m.name);
    const slug =
      (count.get(base) ?? 0) > 1 ? slugify(`${m.name} ${countyName.get(m.county)}`) : base;
    slugs.set(m.number, slug);
  }
  if (new Set(slugs.values()).size !== slugs.size) throw new Error('Municipality slugs collide');
  return slugs;
};

const slugs = municipalitySlugs();

export const municipalities: Insertable<MunicipalityTable>[] = all.municipalities.map((m) => {
  const ref = population.get(m.number);
  return {
    number: m.number,
    name: m.name,
    slug: slugs.get(m.number) ?? slugify(m.name),
    county_number: m.county,
    population: ref?.population ?? null,
    population_year: ref?.populationYear ?? null,
  };
});

export const regions = reference.regions.map(({ slug, name, municipalities }) => ({
  slug,
  name,
  municipalities,
}));

export interface SeedOrganisation {
  slug: string;
  name: string;
  short_name: string | null;
  kind: 'network' | 'county-authority';
  established: number | null;
  county_number: string | null;
  members: { municipalities: readonly string[]; regions: readonly string[] };
  /**
   * reference.json records no join dates, so every founding member is taken to have joined
   * on 1 January of the year the organisation was established.
   */
  memberFrom: string | null;
}

export const organisations: SeedOrganisation[] = reference.organisations.map((o) => {
  const established = 'established' in o ? o.established : null;
  return {
    slug: o.slug,
    name: o.name,
    short_name: 'shortName' in o ? o.shortName : null,
    kind: o.kind === 'county-authority' ? 'county-authority' : 'network',
    established,
    county_number: 'county' in o ? o.county : null,
    members: o.members ?? { municipalities: [], regions: [] },
    memberFrom: established === null ? null : `${established}-01-01`,
  };
});
