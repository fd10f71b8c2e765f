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
    previous_number:
      ref && 'previousNumber' in ref && ref.previousNumber !== m.number ? ref.previousNumber : null,
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
   * reference.json records no join dates, so each seeded membership's start is stored as
   * unknown (from_precision 'unknown'), counted by the rules from 1 January of the year the
   * organisation was established, the earliest day it can have begun.
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

/** One neutral sentence per theme; reference.json has only slugs and names. */
const themeDescriptions: Readonly<Record<string, string>> = {
  utslippskutt: 'Tiltak som kutter klimagassutslipp i kommunen og i kommunens egen drift.',
  sirkularitet:
    'Ombruk, reparasjon og gjenvinning som holder ressurser lenger i bruk og gir mindre avfall.',
  mobilitet:
    'Transport og reisevaner med lavere utslipp, som gange, sykkel, kollektivtransport og nullutslippskjøretøy.',
  mat: 'Mat med lavere klimaavtrykk og mindre matsvinn i kommunens tjenester og hos innbyggerne.',
  anskaffelser: 'Innkjøp der klima og miljø vektlegges i krav, kriterier og oppfølging.',
};

export const themes = reference.themes.map(({ slug, name }) => {
  const description = themeDescriptions[slug];
  if (description === undefined) throw new Error(`Theme ${slug} has no description`);
  return { slug, name, description };
});

export interface SeedPerson {
  name: string;
  title: string;
  /** Organisation slug. */
  organisation: string | null;
  /** Kommunenummer. */
  municipality: string | null;
}

/** reference.json's people; none has consented, so none gets contact details. */
export const people: SeedPerson[] = reference.people.map((p) => ({
  name: p.name,
  title: p.role,
  organisation: 'organisation' in p ? p.organisation : null,
  municipality: 'municipality' in p ? p.municipality : null,
}));

/** Leads every seeded project. */
export const seedProjectLeader = { name: 'Ragnhild Waagaard', title: 'Overordnet prosjektleder' };

/**
 * One neutral sentence per project, written from its title only: reference.json says nothing
 * more about the projects, so the summaries claim nothing beyond what the title names.
 */
const projectSummaries: Readonly<Record<string, string>> = {
  'Ombruk i egen kommuneorganisasjon':
    'Prosjektet handler om ombruk av utstyr og materialer i kommunenes egen organisasjon.',
  'Klima- og miljøvennlige anskaffelser':
    'Prosjektet handler om hvordan kommunene kan legge vekt på klima og miljø når de kjøper inn varer og tjenester.',
  'Klimavennlige måltidstjenester i offentlig sektor':
    'Prosjektet handler om klimavennlige måltider i offentlige tjenester.',
  'Sirkulære løsninger i befolkningen':
    'Prosjektet handler om sirkulære løsninger for innbyggerne i kommunene.',
  'Grønn mobilitet': 'Prosjektet handler om transport og reiser med lavere utslipp.',
  'Strategisk klimaarbeid':
    'Prosjektet handler om kommunenes strategiske og langsiktige klimaarbeid.',
};

export interface SeedProject {
  slug: string;
  title: string;
  summary: string;
  owner: string;
  status: 'planned' | 'ongoing' | 'completed';
  themes: readonly string[];
}

export const projects: SeedProject[] = reference.projects.map((p) => {
  const summary = projectSummaries[p.title];
  if (summary === undefined) throw new Error(`Project ${p.title} has no summary`);
  return {
    slug: slugify(p.title),
    title: p.title,
    summary,
    owner: p.owner,
    status: p.status === 'planned' || p.status === 'completed' ? p.status : 'ongoing',
    themes: p.themes,
  };
});

/** The note every demo participation carries, so nobody mistakes it for a real one. */
export const DEMO_NOTE = 'Demodata – ikke ekte deltakelse';
